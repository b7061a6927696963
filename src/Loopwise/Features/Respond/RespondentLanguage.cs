using Loopwise.Core.Surveys;

namespace Loopwise.Features.Respond;

/// <summary>
/// Picks the language of a respondent page: <c>?lang</c>, else the invited customer's language, else the best
/// <c>Accept-Language</c> match, else the survey's default. Only the survey's own languages are ever chosen.
/// </summary>
public static class RespondentLanguage
{
    public static string Pick(SurveyDefinition definition, string? requested, string? customerLanguage, string? acceptLanguage)
    {
        if (Match(definition, requested) is { } fromQuery)
        {
            return fromQuery;
        }

        if (Match(definition, customerLanguage) is { } fromCustomer)
        {
            return fromCustomer;
        }

        foreach (var candidate in ParseAcceptLanguage(acceptLanguage))
        {
            if (Match(definition, candidate) is { } fromHeader)
            {
                return fromHeader;
            }
        }

        return definition.DefaultLanguage;
    }

    /// <summary>The survey language equal to <paramref name="tag"/>, or to its primary subtag (<c>fr-CA</c> → <c>fr</c>).</summary>
    public static string? Match(SurveyDefinition definition, string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        tag = tag.Trim();
        var exact = definition.Languages.FirstOrDefault(l => string.Equals(l, tag, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        var primary = dash > 0 ? tag[..dash] : tag;
        return definition.Languages.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase))
            ?? definition.Languages.FirstOrDefault(l => l.StartsWith(primary + "-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Language ranges of an <c>Accept-Language</c> header, best first (q=0 dropped, order kept for ties).</summary>
    public static IEnumerable<string> ParseAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        var ranges = new List<(string Tag, double Quality, int Order)>();
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            if (quality > 0 && pieces[0] != "*")
            {
                ranges.Add((pieces[0], quality, ranges.Count));
            }
        }

        return ranges.OrderByDescending(r => r.Quality).ThenBy(r => r.Order).Select(r => r.Tag);
    }
}
