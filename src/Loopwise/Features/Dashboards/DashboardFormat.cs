using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;

namespace Loopwise.Features.Dashboards;

/// <summary>How the dashboards word a KPI: values through the catalogue's <see cref="KpiDefinition.Format"/>, status badges, change arrows.</summary>
public static class DashboardFormat
{
    /// <summary>A value of <paramref name="series"/> in display form ("+20", "81.3%", "2.41"), <see cref="MetricFormat.Missing"/> for null.</summary>
    public static string Value(KpiSeries series, double? value)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (DashboardKpis.Definition(series.Kpi) is { } definition)
        {
            return definition.Format(value);
        }

        return series.Unit switch
        {
            KpiUnit.Points => MetricFormat.NpsPoints(value),
            KpiUnit.Percent => MetricFormat.Percent(value, 1),
            _ => MetricFormat.Number(value),
        };
    }

    /// <summary>"95% CI +8 to +32"; "95% CI n/a" without an interval.</summary>
    public static string Interval(KpiSeries series, IntervalDto? interval) =>
        interval is null ? "95% CI " + MetricFormat.Missing : $"95% CI {Value(series, interval.Lower)} to {Value(series, interval.Upper)}";

    /// <summary>A value in chart units: ×100 for points and percent, rounded for the JSON.</summary>
    public static double? ChartValue(KpiSeries series, double? value)
    {
        ArgumentNullException.ThrowIfNull(series);
        return value is not { } v ? null
            : series.Unit is KpiUnit.Points or KpiUnit.Percent ? Math.Round(MetricFormat.ToPoints(v), 2) : Math.Round(v, 3);
    }

    /// <summary>The axis name of a KPI's unit.</summary>
    public static string Unit(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Unit switch
        {
            KpiUnit.Points => "NPS points",
            KpiUnit.Percent => "%",
            KpiUnit.Hours => "hours",
            KpiUnit.Seconds => "seconds",
            _ => "mean",
        };
    }

    /// <summary>The badge classes of a status (neutral for no data and no target; colour is never the only cue).</summary>
    public static string BadgeClass(KpiStatus status) => status switch
    {
        KpiStatus.OnTarget => "badge good",
        KpiStatus.Watch => "badge watch",
        KpiStatus.Action => "badge action",
        KpiStatus.LowBase => "badge low-base",
        _ => "badge",
    };

    public static string StatusLabel(KpiStatus status) => status.ToLabel();

    /// <summary>The arrow of a significant change, or null: no arrow unless the change is significant.</summary>
    public static (string Symbol, string Text)? Arrow(KpiChange? change) =>
        change is { Significant: true, Arrow: not MetricChangeArrow.None }
            ? change.Arrow == MetricChangeArrow.Up ? ("▲", "up, significant") : ("▼", "down, significant")
            : null;

    /// <summary>The change in words for tables: "up, significant (better) vs 2026-05", "no significant change", "not tested".</summary>
    public static string Change(KpiChange? change)
    {
        if (change is null)
        {
            return "one period only";
        }

        var verdict = change.Verdict switch
        {
            MetricChangeVerdict.Better => " (better)",
            MetricChangeVerdict.Worse => " (worse)",
            _ => string.Empty,
        };
        return Arrow(change) is { } arrow
            ? $"{arrow.Text}{verdict}, {change.To} vs {change.From}"
            : change.Verdict switch
            {
                MetricChangeVerdict.NoData => $"no data to compare, {change.To} vs {change.From}",
                MetricChangeVerdict.NotTested => "not tested",
                _ => $"no significant change, {change.To} vs {change.From}",
            };
    }

    /// <summary>Text for a cell: the value, or why there is none.</summary>
    public static string Cell(KpiSeries series, TrendPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.N == 0 ? "no data" : point.Value is null ? "withheld" : Value(series, point.Value);
    }
}
