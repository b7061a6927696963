using System.Globalization;
using System.Text;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;

namespace Loopwise.Features.Dashboards;

/// <summary>
/// The dashboards' data as CSV, with the API's numbers and units (NPS in −1..1, shares in 0..1, round-trip invariant
/// formatting; an empty cell is a null value) and the formatted figure the page shows beside them.
/// </summary>
public static class DashboardCsv
{
    public const string OverviewHeader = "kpi,label,period,from,to,value,lower,upper,n,status,formatted";

    public const string ExplorerHeader = "kpi,group,group_label,period,from,to,value,lower,upper,n,sample_base,formatted";

    public const string TouchpointsHeader = "touchpoint,touchpoint_name,channel,journey_stage,kpi,from,to,value,lower,upper,n,status,formatted";

    /// <summary>Per KPI card: the headline row (period "total", with its status), then one row per month of the sparkline (status blank: it rates the headline only).</summary>
    public static string Overview(IEnumerable<KpiSeries> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var csv = new StringBuilder().Append(OverviewHeader).Append("\r\n");
        foreach (var series in cards)
        {
            foreach (var group in series.Groups)
            {
                Row(csv, series.Kpi, series.Label, "total", group.Total, group.Status.ToString(), group.Formatted);
                foreach (var point in group.Points)
                {
                    Row(csv, series.Kpi, series.Label, point.Period, point, string.Empty, DashboardFormat.Value(series, point.Value));
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>Exactly the explorer chart's data: one row per group and period.</summary>
    public static string Explorer(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var csv = new StringBuilder().Append(ExplorerHeader).Append("\r\n");
        foreach (var group in series.Groups)
        {
            foreach (var p in group.Points)
            {
                Line(csv,
                [
                    series.Kpi, group.Group, group.Label, p.Period, MetricsFilter.Day(p.From), MetricsFilter.Day(p.To), Number(p.Value),
                    Number(p.Interval?.Lower), Number(p.Interval?.Upper), p.N.ToString(CultureInfo.InvariantCulture), p.SampleBase.ToString(),
                    DashboardFormat.Value(series, p.Value),
                ]);
            }
        }

        return csv.ToString();
    }

    /// <summary>One row per touchpoint and KPI of the touchpoint view.</summary>
    public static string Touchpoints(TouchpointView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder().Append(TouchpointsHeader).Append("\r\n");
        foreach (var row in view.Rows)
        {
            foreach (var (series, cell) in view.Series.Zip(row.Cells))
            {
                var t = cell.Total;
                Line(csv,
                [
                    row.Key, row.Name, row.Channel, row.Stage ?? string.Empty, series.Kpi, MetricsFilter.Day(t.From), MetricsFilter.Day(t.To),
                    Number(t.Value), Number(t.Interval?.Lower), Number(t.Interval?.Upper), t.N.ToString(CultureInfo.InvariantCulture),
                    cell.Status.ToString(), cell.Formatted,
                ]);
            }
        }

        return csv.ToString();
    }

    public static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);

    private static void Row(StringBuilder csv, string kpi, string label, string period, TrendPoint p, string status, string formatted) =>
        Line(csv,
        [
            kpi, label, period, MetricsFilter.Day(p.From), MetricsFilter.Day(p.To), Number(p.Value), Number(p.Interval?.Lower), Number(p.Interval?.Upper),
            p.N.ToString(CultureInfo.InvariantCulture), status, formatted,
        ]);

    private static void Line(StringBuilder csv, string[] cells) => csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell.Length > 0 && cell[0] is '=' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
