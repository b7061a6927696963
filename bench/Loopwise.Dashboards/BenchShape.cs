using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;

namespace Loopwise.Dashboards;

/// <summary>The benchmark workspace's fixed shape: touchpoints, surveys and customer attributes.</summary>
internal static class BenchShape
{
    public const string Slug = "bench";
    public const string MarkerAction = "bench.generated";

    public static readonly (string Key, string Name, Channel Channel, string Stage)[] Touchpoints =
    [
        ("web-signup", "Web sign-up", Channel.Web, "onboarding"),
        ("app-onboarding", "App onboarding", Channel.App, "onboarding"),
        ("web-checkout", "Web checkout", Channel.Web, "purchase"),
        ("app-checkout", "App checkout", Channel.App, "purchase"),
        ("store-pos", "Store till", Channel.InPerson, "purchase"),
        ("email-receipt", "Order e-mail", Channel.Email, "delivery"),
        ("sms-renewal", "Renewal SMS", Channel.Sms, "renewal"),
        ("email-pulse", "Quarterly pulse e-mail", Channel.Email, "relationship"),
        ("app-account", "App account page", Channel.App, "usage"),
        ("phone-support", "Phone support", Channel.Phone, "support"),
        ("chat-support", "Chat support", Channel.Chat, "support"),
        ("email-support", "E-mail support", Channel.Email, "support"),
    ];

    /// <summary>Survey name, kind, questions (id, type, scale id), touchpoint keys, share of the responses.</summary>
    public static readonly (string Name, SurveyKind Kind, (string Id, QuestionType Type, string? Scale)[] Questions, string[] Touchpoints, double Share)[] Surveys =
    [
        ("Relationship pulse", SurveyKind.Relationship, [("nps", QuestionType.Nps, null), ("csat", QuestionType.Csat, null), ("why", QuestionType.Text, null)],
            ["email-pulse", "app-account"], 0.3),
        ("After purchase", SurveyKind.Transactional, [("nps", QuestionType.Nps, null), ("csat", QuestionType.Csat, null)],
            ["web-signup", "app-onboarding", "web-checkout", "app-checkout", "store-pos", "email-receipt", "sms-renewal"], 0.5),
        ("After support", SurveyKind.Transactional, [("effort", QuestionType.Ces, Scales.CesEffort.Id), ("csat", QuestionType.Csat, null)],
            ["phone-support", "chat-support", "email-support"], 0.2),
    ];

    public static readonly (string Value, double Weight, double Effect)[] Regions =
    [
        ("north-america", 0.28, 0.3), ("latin-america", 0.08, 0.5), ("western-europe", 0.2, 0.0), ("northern-europe", 0.09, 0.4),
        ("southern-europe", 0.09, -0.2), ("middle-east", 0.06, -0.3), ("asia-pacific", 0.16, -0.5), ("africa", 0.04, 0.1),
    ];

    public static readonly (string Value, double Weight, double Effect)[] Plans =
        [("free", 0.45, -0.6), ("starter", 0.3, 0.0), ("pro", 0.18, 0.4), ("enterprise", 0.07, 0.8)];

    public static readonly (string Value, double Weight, double Effect)[] ValueTiers =
        [("low", 0.5, -0.2), ("mid", 0.35, 0.1), ("high", 0.15, 0.4)];

    public static SurveyDefinition Definition(int survey)
    {
        var (name, _, questions, _, _) = Surveys[survey];
        return new SurveyDefinition
        {
            DefaultLanguage = "en",
            Languages = ["en"],
            Title = new LocalizedText("en", name),
            Questions = [.. questions.Select(q => new Question { Id = q.Id, Type = q.Type, ScaleId = q.Scale, Text = new LocalizedText("en", Text(q.Type)), Required = q.Type != QuestionType.Text })],
        };
    }

    /// <summary>Picks an index by weight.</summary>
    public static int Pick<T>(IReadOnlyList<(T Value, double Weight, double Effect)> options, Random random)
    {
        var x = random.NextDouble() * options.Sum(o => o.Weight);
        for (var i = 0; i < options.Count; i++)
        {
            x -= options[i].Weight;
            if (x < 0)
            {
                return i;
            }
        }

        return options.Count - 1;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Text(QuestionType type) => type switch
    {
        QuestionType.Nps => "How likely are you to recommend us to a friend or colleague?",
        QuestionType.Csat => "How satisfied were you?",
        QuestionType.Ces => "How much effort did it take?",
        _ => "Why?",
    };
}
