using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Surveys;

/// <summary>Starter definitions offered by <c>/surveys/new</c>.</summary>
public static class SurveyTemplates
{
    public const string BlankKey = "blank";
    public const string NpsKey = "nps";
    public const string CsatKey = "csat";
    public const string CesKey = "ces";

    /// <summary>(key, label) in the order the form lists them.</summary>
    public static IReadOnlyList<(string Key, string Label)> All { get; } =
    [
        (BlankKey, "Blank"),
        (NpsKey, "NPS with detractor follow-up"),
        (CsatKey, "CSAT"),
        (CesKey, "CES"),
    ];

    public static SurveyDefinition Blank(string title, string language) => new()
    {
        DefaultLanguage = language,
        Languages = [language],
        Title = new LocalizedText(language, title),
        Questions = [],
    };

    /// <summary>
    /// The definition for <paramref name="template"/>. CES has two incompatible scales (cx-reference.md §2), so
    /// the CES template needs <paramref name="cesScale"/> chosen explicitly; null otherwise means "not chosen".
    /// </summary>
    public static SurveyDefinition? Create(string template, string title, string language, string? cesScale)
    {
        LocalizedText T(string text) => new(language, text);
        var blank = Blank(title, language);
        return template switch
        {
            BlankKey => blank,
            NpsKey => blank with
            {
                Questions =
                [
                    new Question { Id = "nps", Type = QuestionType.Nps, Required = true, Text = T("How likely are you to recommend us to a friend or colleague?") },
                    new Question
                    {
                        Id = "nps_detractor_reason",
                        Type = QuestionType.Text,
                        Text = T("What is the main thing we should do better?"),
                        ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"),
                    },
                ],
            },
            CsatKey => blank with
            {
                Questions =
                [
                    new Question { Id = "csat", Type = QuestionType.Csat, Required = true, Text = T("Overall, how satisfied are you with your experience?") },
                    new Question { Id = "csat_reason", Type = QuestionType.Text, Text = T("What is the main reason for your rating?") },
                ],
            },
            CesKey when cesScale == Scales.CesEffort.Id => blank with
            {
                Questions =
                [
                    new Question { Id = "ces", Type = QuestionType.Ces, ScaleId = cesScale, Required = true, Text = T("How much effort did you personally have to put forth to handle your request?") },
                ],
            },
            CesKey when cesScale == Scales.CesAgree.Id => blank with
            {
                Questions =
                [
                    new Question { Id = "ces", Type = QuestionType.Ces, ScaleId = cesScale, Required = true, Text = T("The company made it easy for me to handle my issue.") },
                ],
            },
            _ => null,
        };
    }
}
