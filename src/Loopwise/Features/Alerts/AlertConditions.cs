using Loopwise.Core.Metrics;

namespace Loopwise.Features.Alerts;

/// <summary>
/// What a response must show for a rule to fire; every condition given must hold (and), each list matches any of its
/// items (or). The defaults of cx-reference.md §7: NPS 0–6 (<c>npsAtMost: 6</c>), CSAT 1–2 (<c>csatAtMost: 2</c>), CES
/// poor by its scale's polarity (effort 4–5 on 1–5, 1–3 on the 1–7 agreement scale), sentiment ≤ −0.5, topics or
/// keywords such as "cancel", "legal", "complaint".
/// </summary>
public sealed record AlertConditions(
    int? NpsAtMost = null,
    int? CsatAtMost = null,
    bool CesPoor = false,
    double? SentimentAtMost = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Keywords = null,
    IReadOnlyList<string>? Touchpoints = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Dimensions = null,
    IReadOnlyList<string>? Kpis = null)
{
    /// <summary>
    /// A KPI rule: it fires when one of <see cref="Kpis"/> (catalogue ids such as nps, tnps, csat_pct, fcr; <c>*</c> for
    /// any) enters its action threshold (issue 3's threshold events, cx-reference.md §10), not on responses.
    /// </summary>
    public bool IsKpiRule => Kpis is { Count: > 0 };

    /// <summary>The KPI ids threshold events carry (the catalogue's, with transactional NPS apart as tnps).</summary>
    public static IReadOnlyList<string> KnownKpis { get; } =
    [
        .. global::Loopwise.Features.Kpis.KpiSeriesQuery.Ids
            .Select(id => id == global::Loopwise.Features.Kpis.SurveyKpis.TransactionalNps.Id ? id : global::Loopwise.Features.Kpis.KpiSeriesQuery.DefinitionOf(id)?.Id.Value ?? id)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>True when this KPI rule watches <paramref name="kpi"/>.</summary>
    public bool Watches(string kpi) => Kpis?.Any(k => k == "*" || string.Equals(k, kpi, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>True when a comment must be analysed to evaluate the rule.</summary>
    public bool NeedsText => SentimentAtMost is not null || Topics is { Count: > 0 };

    /// <summary>The problems of the conditions, by field; empty when they can be used.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (NpsAtMost is < 0 or > 10)
        {
            errors["conditions.npsAtMost"] = ["NPS answers are 0 to 10."];
        }

        if (CsatAtMost is < 1 or > 5)
        {
            errors["conditions.csatAtMost"] = ["CSAT answers are 1 to 5."];
        }

        if (SentimentAtMost is < -1 or > 1)
        {
            errors["conditions.sentimentAtMost"] = ["Sentiment runs from -1 to 1."];
        }

        if (Keywords?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors["conditions.keywords"] = ["A keyword cannot be blank."];
        }

        var responseConditions = NpsAtMost is not null || CsatAtMost is not null || CesPoor || SentimentAtMost is not null || Topics is { Count: > 0 }
            || Keywords is { Count: > 0 } || Touchpoints is { Count: > 0 } || Dimensions is { Count: > 0 };
        if (IsKpiRule)
        {
            var unknown = Kpis!.Where(k => k != "*" && !KnownKpis.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                errors["conditions.kpis"] = [$"Unknown KPIs: {string.Join(", ", unknown)}. KPIs: *, {string.Join(", ", KnownKpis)}."];
            }
            else if (responseConditions)
            {
                errors["conditions.kpis"] = ["A KPI rule fires when a KPI enters its action threshold; it cannot also have response conditions (make two rules)."];
            }
        }
        else if (!responseConditions)
        {
            errors["conditions"] = ["A rule needs at least one condition: it would otherwise fire on every response."];
        }

        return errors;
    }

    /// <summary>True when every condition given holds for <paramref name="facts"/>.</summary>
    public bool Matches(ResponseFacts facts) =>
        !IsKpiRule
        && (NpsAtMost is not { } nps || facts.Nps <= nps)
        && (CsatAtMost is not { } csat || facts.Csat <= csat)
        && (!CesPoor || facts.Ces is { } ces && IsPoorEffort(ces.Score, ces.Scale))
        && (SentimentAtMost is not { } sentiment || facts.Sentiment <= sentiment)
        && (Topics is not { Count: > 0 } || MatchedTopic(facts) is not null)
        && (Keywords is not { Count: > 0 } || Keywords.Any(k => facts.HasWord(k)))
        && (Touchpoints is not { Count: > 0 } || (facts.Touchpoint is { } tp && Touchpoints.Contains(tp, StringComparer.OrdinalIgnoreCase)))
        && (Dimensions is not { Count: > 0 } || Dimensions.All(d => d.Value.Count == 0
            || (facts.Dimensions.TryGetValue(d.Key, out var value) && d.Value.Contains(value, StringComparer.OrdinalIgnoreCase))));

    /// <summary>The first of the response's topics that a topic condition names (a parent covers its children).</summary>
    public string? MatchedTopic(ResponseFacts facts) => Topics is not { Count: > 0 } ? null
        : facts.Topics.FirstOrDefault(t => Topics.Any(c => t.Equals(c, StringComparison.OrdinalIgnoreCase) || t.StartsWith(c + "/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Poor effort by the scale's polarity (cx-reference.md §7): 4–5 on CES 1–5 effort, 1–3 on CES 2.0 (1–7 agreement).</summary>
    public static bool IsPoorEffort(int score, ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var span = scale.Max - scale.Min;
        return scale.Polarity == ScalePolarity.LowerIsBetter
            ? score >= scale.Max - (span / 4)
            : score <= scale.Min + (span / 3);
    }
}
