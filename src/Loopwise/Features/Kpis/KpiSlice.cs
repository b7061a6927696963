using Loopwise.Features.Metrics;
using Loopwise.Features.Touchpoints;

namespace Loopwise.Features.Kpis;

/// <summary>What a KPI series is split by: nothing (one series), or one series per survey, touchpoint, channel, journey stage or dimension value.</summary>
public enum KpiGrouping
{
    None,
    Survey,
    Touchpoint,
    Channel,
    Stage,
    Dimension,
}

/// <summary>Where the counts of a slice come from: the rollups that cover it, or the facts.</summary>
public enum KpiSource
{
    /// <summary>Rollups when one family covers the slice, else the facts (what people get).</summary>
    Auto,

    /// <summary>The facts, always (the property test compares it with <see cref="Auto"/>).</summary>
    Facts,
}

/// <summary>
/// A validated slice of a KPI: UTC days <see cref="From"/> to <see cref="To"/> inclusive cut into periods of
/// <see cref="Interval"/>, optional filters (survey, touchpoint, channel, journey stage, one dimension value) and an
/// optional grouping.
/// </summary>
public sealed record KpiSlice(
    DateOnly From,
    DateOnly To,
    TrendInterval Interval,
    Guid? SurveyId = null,
    Guid? TouchpointId = null,
    Channel? Channel = null,
    string? Stage = null,
    string? WhereDimension = null,
    string? WhereValue = null,
    KpiGrouping By = KpiGrouping.None,
    string? ByDimension = null)
{
    /// <summary>Filters or groups by something only the touchpoint knows (touchpoint, channel, journey stage).</summary>
    public bool NeedsTouchpoint =>
        TouchpointId is not null || Channel is not null || Stage is not null
        || By is KpiGrouping.Touchpoint or KpiGrouping.Channel or KpiGrouping.Stage;

    /// <summary>The one dimension the slice filters or groups by, or null; two different dimensions need the facts.</summary>
    public (bool Needed, bool Single, string? Name) Dimension
    {
        get
        {
            var names = new[] { WhereDimension, By == KpiGrouping.Dimension ? ByDimension : null }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return (names.Count > 0, names.Count <= 1, names.FirstOrDefault());
        }
    }

    /// <summary>Whether one rollup family answers this slice exactly (otherwise the facts are scanned).</summary>
    public bool CoveredByRollups => Dimension is { Needed: false } || (Dimension.Single && !NeedsTouchpoint);
}
