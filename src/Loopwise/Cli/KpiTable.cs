using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Loopwise.Cli;

/// <summary>A KPI series as tables on the console: one row per group (total, status, change), then the periods.</summary>
internal static class KpiTable
{
    /// <summary>Prints to the current <see cref="Console.Out"/> (bound now, not when the process started).</summary>
    public static void Print(KpiSeries series)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var definition = KpiSeriesQuery.DefinitionOf(series.Kpi);
        string Value(double? v) => definition?.Format(v) ?? MetricFormat.Number(v);
        string Interval(IntervalDto? i) => i is null ? MetricFormat.Missing : $"{Value(i.Lower)} to {Value(i.Upper)}";

        var s = series.Slice;
        console.Write(new Text(
            $"{series.Label} · {MetricsFilter.Day(s.From)} to {MetricsFilter.Day(s.To)} (UTC, inclusive) · by {s.Interval}" +
            (s.By is null ? string.Empty : $" · per {s.By}") + (s.Where is null ? string.Empty : $" · where {s.Where}") +
            (series.FromRollups ? " · from rollups" : " · scanned from the facts") + "\n"));

        var totals = new Table().Title("Totals (95% intervals)");
        totals.AddColumns("Group", "Value", "95% CI", "n", "Status", "Last period");
        foreach (var g in series.Groups)
        {
            var change = g.Change is { } c
                ? $"{c.From} → {c.To}: {(c.Arrow == MetricChangeArrow.None ? "no significant change" : $"{c.Arrow.ToString().ToLowerInvariant()} ({c.Verdict.ToString().ToLowerInvariant()}, p={MetricFormat.Number(c.AdjustedPValue ?? c.PValue, 3)})")}"
                : MetricFormat.Missing;
            totals.AddRow(Cells(g.Group.Length == 0 ? "all" : g.Label, g.Formatted, Interval(g.Total.Interval), g.Total.N.ToString(CultureInfo.InvariantCulture), g.Status.ToString(), change));
        }

        console.Write(totals);
        var trend = new Table().Title($"By {s.Interval} (value, n)");
        trend.AddColumn("Period");
        foreach (var g in series.Groups)
        {
            trend.AddColumn(new TableColumn(g.Group.Length == 0 ? "all" : g.Label).RightAligned());
        }

        var periods = series.Groups.Count == 0 ? 0 : series.Groups[0].Points.Count;
        for (var i = 0; i < periods; i++)
        {
            trend.AddRow(Cells([series.Groups[0].Points[i].Period, .. series.Groups.Select(g => $"{Value(g.Points[i].Value)} (n={g.Points[i].N.ToString(CultureInfo.InvariantCulture)})")]));
        }

        console.Write(trend);
    }

    private static IRenderable[] Cells(params string[] cells) => [.. cells.Select(c => (IRenderable)new Text(c))];
}
