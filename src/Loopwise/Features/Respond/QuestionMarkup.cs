using System.Globalization;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Respond;

/// <summary>Element ids of the respondent form, so the error summary can link to the first input of a question.</summary>
public static class QuestionMarkup
{
    public static string FirstInputId(Question question)
    {
        if (question.Type == QuestionType.Text)
        {
            return "a-" + question.Id;
        }

        if (question.ResolveScale() is { } scale)
        {
            return "a-" + question.Id + "-" + scale.Min.ToString(CultureInfo.InvariantCulture);
        }

        return "a-" + question.Id + "-0";
    }
}

/// <summary>Names of languages in themselves, for the language switcher (the app runs with invariant globalization).</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["fr"] = "Français", ["de"] = "Deutsch", ["es"] = "Español", ["it"] = "Italiano",
        ["nl"] = "Nederlands", ["pt"] = "Português", ["sv"] = "Svenska", ["da"] = "Dansk", ["nb"] = "Norsk bokmål",
        ["fi"] = "Suomi", ["pl"] = "Polski", ["ja"] = "日本語", ["zh"] = "中文", ["ar"] = "العربية",
    };

    public static string Of(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return Names.TryGetValue(tag, out var name) ? name
            : dash > 0 && Names.TryGetValue(tag[..dash], out var primary) ? $"{primary} ({tag})"
            : tag;
    }
}
