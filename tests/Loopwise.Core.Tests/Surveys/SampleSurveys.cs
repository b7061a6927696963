using Loopwise.Core.Surveys;

namespace Loopwise.Core.Tests.Surveys;

/// <summary>Survey definitions shared by the survey tests.</summary>
internal static class SampleSurveys
{
    public static LocalizedText EnFr(string en, string fr) =>
        new([KeyValuePair.Create("en", en), KeyValuePair.Create("fr", fr)]);

    public static Question Nps(bool required = true) => new()
    {
        Id = "nps",
        Type = QuestionType.Nps,
        Text = EnFr("How likely are you to recommend us to a friend or colleague?", "Quelle est la probabilité que vous nous recommandiez ?"),
        Required = required,
    };

    public static Question Choice(string id, QuestionType type, params string[] values) => new()
    {
        Id = id,
        Type = type,
        Text = EnFr("Pick " + id, "Choisissez " + id),
        Choices = [.. values.Select(v => new Choice(v, EnFr(v.ToUpperInvariant(), v + " (fr)")))],
    };

    /// <summary>A bilingual survey with every question type and a detractor follow-up.</summary>
    public static SurveyDefinition Full() => new()
    {
        DefaultLanguage = "en",
        Languages = ["en", "fr"],
        Title = EnFr("Your feedback", "Votre avis"),
        Intro = EnFr("Two minutes, promise.", "Deux minutes, promis."),
        ThankYou = EnFr("Thanks <3 & bye!", "Merci & au revoir !"),
        Questions =
        [
            Nps(),
            new()
            {
                Id = "what_went_wrong",
                Type = QuestionType.Text,
                Text = EnFr("What went wrong?", "Qu'est-ce qui n'a pas marché ?"),
                Help = EnFr("Be specific.", "Soyez précis."),
                Required = true,
                ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"),
            },
            new() { Id = "csat", Type = QuestionType.Csat, Text = EnFr("How satisfied are you?", "Êtes-vous satisfait ?") },
            new() { Id = "effort", Type = QuestionType.Ces, ScaleId = "ces_effort_1_5", Text = EnFr("How much effort did it take?", "Quel effort ?") },
            new() { Id = "stars", Type = QuestionType.Rating, ScaleId = "rating_1_10", Text = EnFr("Rate us", "Notez-nous") },
            Choice("channel", QuestionType.SingleChoice, "email", "phone", "chat"),
            Choice("features", QuestionType.MultipleChoice, "reports", "alerts", "api") with
            {
                ShowIf = DisplayCondition.Of("channel", ConditionOperator.AnyOf, "email", "chat"),
            },
            new()
            {
                Id = "comments",
                Type = QuestionType.Text,
                Text = EnFr("Anything else?", "Autre chose ?"),
                MaxLength = 500,
                ShowIf = DisplayCondition.Of("features", ConditionOperator.Equals, "api"),
            },
            new()
            {
                Id = "no_channel",
                Type = QuestionType.Text,
                Text = EnFr("Why no channel?", "Pourquoi aucun canal ?"),
                ShowIf = DisplayCondition.Of("channel", ConditionOperator.NotAnswered),
            },
        ],
    };

    /// <summary>A bilingual (en, fr) survey around <paramref name="questions"/>.</summary>
    public static SurveyDefinition Of(params Question[] questions) => new()
    {
        DefaultLanguage = "en",
        Languages = ["en", "fr"],
        Title = EnFr("Survey", "Enquête"),
        Questions = questions,
    };

    public static Question Q(string id, QuestionType type, string? scaleId = null) =>
        new() { Id = id, Type = type, ScaleId = scaleId, Text = EnFr(id, id + " (fr)") };
}
