using System.Text.Json.Nodes;
using Loopwise.Features.Kpis;

namespace Loopwise.Features.Dashboards;

/// <summary>
/// ECharts options of the dashboards, embedded as JSON in <c>&lt;div data-chart&gt;</c> and drawn by /dist/app.js
/// (the tables beside them carry the same numbers without JavaScript). Values are in display units.
/// </summary>
public static class DashboardCharts
{
    /// <summary>A small line of the periods' values, without axes (the card states the numbers in text).</summary>
    public static string Sparkline(KpiSeries series, KpiGroupSeries group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["animation"] = false,
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["grid"] = new JsonObject { ["left"] = 4, ["right"] = 4, ["top"] = 4, ["bottom"] = 4 },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["show"] = false, ["boundaryGap"] = false, ["data"] = Periods(group) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["show"] = false, ["scale"] = true },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "line",
                ["name"] = series.Label,
                ["symbolSize"] = 4,
                ["connectNulls"] = false,
                ["data"] = Values(series, group.Points.Select(p => p.Value)),
            }),
        };
        return option.ToJsonString();
    }

    /// <summary>
    /// The explorer's chart: one line per group over the periods (with the 95% band when there is one group), or, with
    /// a single period, one bar per group with its 95% interval as a whisker.
    /// </summary>
    public static string Explorer(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var first = series.Groups.Count > 0 ? series.Groups[0] : null;
        if (first is null || first.Points.Count <= 1)
        {
            return Bars(
                series,
                [.. series.Groups.Select(g => (Name(g), g.Points.Count == 1 ? g.Points[0] : g.Total))]);
        }

        var lines = new JsonArray();
        if (series.Groups.Count == 1)
        {
            var lower = first.Points.Select(p => DashboardFormat.ChartValue(series, p.Interval?.Lower)).ToList();
            var upper = first.Points.Select(p => DashboardFormat.ChartValue(series, p.Interval?.Upper)).ToList();
            lines.Add(Band("95% CI lower", lower, area: false));
            lines.Add(Band("95% CI", [.. lower.Zip(upper, (l, u) => l is { } a && u is { } b ? Math.Round(b - a, 3) : (double?)null)], area: true));
        }

        foreach (var group in series.Groups)
        {
            lines.Add(new JsonObject
            {
                ["type"] = "line",
                ["name"] = Name(group),
                ["connectNulls"] = false,
                ["data"] = Values(series, group.Points.Select(p => p.Value)),
            });
        }

        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["type"] = "scroll", ["data"] = new JsonArray([.. series.Groups.Select(g => (JsonNode)Name(g))]) },
            ["grid"] = new JsonObject { ["containLabel"] = true, ["top"] = 40 },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["boundaryGap"] = false, ["data"] = Periods(first) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = DashboardFormat.Unit(series), ["scale"] = true },
            ["series"] = lines,
        };
        return option.ToJsonString();
    }

    /// <summary>One bar per item with its 95% interval drawn as a vertical whisker.</summary>
    public static string Bars(KpiSeries series, IReadOnlyList<(string Name, Metrics.TrendPoint Point)> bars)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(bars);
        var whiskers = new JsonArray();
        for (var i = 0; i < bars.Count; i++)
        {
            if (bars[i].Point.Interval is { } interval)
            {
                whiskers.Add(new JsonArray(
                    new JsonObject { ["coord"] = new JsonArray(i, DashboardFormat.ChartValue(series, interval.Lower)) },
                    new JsonObject { ["coord"] = new JsonArray(i, DashboardFormat.ChartValue(series, interval.Upper)) }));
            }
        }

        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["grid"] = new JsonObject { ["containLabel"] = true },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "category",
                ["data"] = new JsonArray([.. bars.Select(b => (JsonNode)b.Name)]),
                ["axisLabel"] = new JsonObject { ["interval"] = 0, ["rotate"] = bars.Count > 6 ? 30 : 0 },
            },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = DashboardFormat.Unit(series) },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = series.Label,
                ["data"] = Values(series, bars.Select(b => b.Point.Value)),
                ["markLine"] = new JsonObject
                {
                    ["silent"] = true,
                    ["symbol"] = new JsonArray("none", "none"),
                    ["label"] = new JsonObject { ["show"] = false },
                    ["lineStyle"] = new JsonObject { ["color"] = "#1f2933", ["width"] = 2, ["type"] = "solid" },
                    ["data"] = whiskers,
                },
            }),
        };
        return option.ToJsonString();
    }

    private static string Name(KpiGroupSeries group) => group.Group.Length == 0 ? "All" : group.Label;

    private static JsonArray Periods(KpiGroupSeries group) => new([.. group.Points.Select(p => (JsonNode)p.Period)]);

    private static JsonArray Values(KpiSeries series, IEnumerable<double?> values) =>
        new([.. values.Select(v => DashboardFormat.ChartValue(series, v) is { } d ? JsonValue.Create(d) : null)]);

    private static JsonObject Band(string name, List<double?> data, bool area)
    {
        var band = new JsonObject
        {
            ["type"] = "line",
            ["name"] = name,
            ["stack"] = "ci",
            ["symbol"] = "none",
            ["silent"] = true,
            ["connectNulls"] = false,
            ["lineStyle"] = new JsonObject { ["opacity"] = 0 },
            ["data"] = new JsonArray([.. data.Select(v => v is { } d ? JsonValue.Create(d) : null)]),
        };
        if (area)
        {
            band["areaStyle"] = new JsonObject { ["opacity"] = 0.2 };
        }

        return band;
    }
}
