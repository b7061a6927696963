using System.Globalization;
using System.Text.Json.Nodes;
using Loopwise.Features.Metrics;

namespace Loopwise.Features.Results;

/// <summary>
/// ECharts options for the results page, embedded as JSON in <c>&lt;div data-chart&gt;</c> and drawn by /dist/app.js.
/// The default encoder escapes &lt; and &gt;, so the JSON is safe inside a script element.
/// </summary>
public static class ResultsCharts
{
    /// <summary>A bar per scale point with its answer count.</summary>
    public static string Distribution(QuestionMetric question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["grid"] = new JsonObject { ["containLabel"] = true },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "category",
                ["name"] = "answer",
                ["data"] = new JsonArray([.. question.Counts.Select(c => (JsonNode)c.Value.ToString(CultureInfo.InvariantCulture))]),
            },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = "answers", ["minInterval"] = 1 },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = "Answers",
                ["data"] = new JsonArray([.. question.Counts.Select(c => (JsonNode)c.Count)]),
            }),
        };
        return option.ToJsonString();
    }

    /// <summary>The headline per period as a line, with its 95% interval as a shaded band (a stacked lower + width area).</summary>
    public static string Trend(TrendSeries series, string label)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = series.Points.Select(p => ResultsFormat.ChartValue(series.Metric, p.Value)).ToList();
        var lower = series.Points.Select(p => ResultsFormat.ChartValue(series.Metric, p.Interval?.Lower)).ToList();
        var upper = series.Points.Select(p => ResultsFormat.ChartValue(series.Metric, p.Interval?.Upper)).ToList();
        var width = lower.Zip(upper, (l, u) => l is { } a && u is { } b ? Math.Round(b - a, 3) : (double?)null).ToList();
        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["data"] = new JsonArray(label, "95% CI") },
            ["grid"] = new JsonObject { ["containLabel"] = true },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "category",
                ["boundaryGap"] = false,
                ["data"] = new JsonArray([.. series.Points.Select(p => (JsonNode)p.Period)]),
            },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = ResultsFormat.Unit(series.Metric), ["scale"] = true },
            ["series"] = new JsonArray(
                Line("95% CI lower", lower, band: true, area: false),
                Line("95% CI", width, band: true, area: true),
                Line(label, values, band: false, area: false)),
        };
        return option.ToJsonString();
    }

    private static JsonObject Line(string name, List<double?> data, bool band, bool area)
    {
        var series = new JsonObject
        {
            ["type"] = "line",
            ["name"] = name,
            ["data"] = new JsonArray([.. data.Select(v => v is { } d ? JsonValue.Create(d) : null)]),
            ["connectNulls"] = false,
        };
        if (band)
        {
            series["stack"] = "ci";
            series["symbol"] = "none";
            series["lineStyle"] = new JsonObject { ["opacity"] = 0 };
            series["silent"] = true;
        }

        if (area)
        {
            series["areaStyle"] = new JsonObject { ["opacity"] = 0.2 };
        }

        return series;
    }
}
