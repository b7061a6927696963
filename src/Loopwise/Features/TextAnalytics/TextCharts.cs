using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// ECharts options of the text analytics page, embedded as JSON in <c>&lt;div data-chart&gt;</c> (see
/// DashboardCharts); the tables beside the charts hold the same numbers. A bubble's data item carries <c>link</c> (the
/// drill-down page) and <c>partial</c> (the same drill-down as an htmx fragment), which /dist/app.js follows on click.
/// </summary>
public static class TextCharts
{
    /// <summary>The colour of a topic whose mentioning responses have no recommend answer.</summary>
    public const string NoNpsColour = "#eceff2";

    // The colours of an NPS of −100, 0 and +100 (Okabe-Ito vermillion, grey, blue).
    private static readonly (byte R, byte G, byte B) Low = (0xd5, 0x5e, 0x00);
    private static readonly (byte R, byte G, byte B) Mid = (0xb8, 0xbd, 0xc4);
    private static readonly (byte R, byte G, byte B) High = (0x00, 0x72, 0xb2);

    /// <summary>One bubble: x mentions, y mean aspect sentiment, size by mentions, colour by the NPS of the mentioning responses.</summary>
    public sealed record Bubble(string Label, TopicStatsDto Topic, string Link, string Partial);

    /// <summary>Topics by volume (x) and mean aspect sentiment (y, −1..1); bubble area grows with mentions.</summary>
    public static string Bubbles(IReadOnlyList<Bubble> bubbles)
    {
        ArgumentNullException.ThrowIfNull(bubbles);
        var most = bubbles.Count == 0 ? 1 : Math.Max(1, bubbles.Max(b => b.Topic.Mentions));
        var data = new JsonArray();
        foreach (var b in bubbles)
        {
            var t = b.Topic;
            var tip = string.Create(CultureInfo.InvariantCulture,
                $"<strong>{Encode(b.Label)}</strong><br>{t.Mentions} mentions ({TextFormat.Percent(t.Share)} of analysed comments)<br>mean sentiment {TextFormat.Sentiment(t.MeanSentiment)}, {TextFormat.Percent(t.NegativeShare)} negative<br>NPS {TextFormat.Nps(t.Nps)} (n={t.NpsN})");
            data.Add(new JsonObject
            {
                ["name"] = b.Label,
                ["value"] = new JsonArray(t.Mentions, Math.Round(t.MeanSentiment, 3), t.Nps is { } nps ? Math.Round(nps, 1) : null),
                ["symbolSize"] = Math.Round(12 + (48 * Math.Sqrt((double)t.Mentions / most)), 1),
                ["itemStyle"] = new JsonObject
                {
                    ["color"] = Colour(t.Nps),
                    ["borderColor"] = "#1b1f24",
                    ["borderWidth"] = 1,
                    ["opacity"] = 0.85,
                },
                ["tooltip"] = new JsonObject { ["formatter"] = tip },
                ["link"] = b.Link,
                ["partial"] = b.Partial,
            });
        }

        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["confine"] = true },
            ["grid"] = new JsonObject { ["containLabel"] = true, ["left"] = 16, ["right"] = 32, ["top"] = 40, ["bottom"] = 36 },
            ["xAxis"] = new JsonObject
            {
                ["type"] = "value",
                ["name"] = "Mentions",
                ["nameLocation"] = "middle",
                ["nameGap"] = 28,
                ["min"] = 0,
                ["splitLine"] = new JsonObject { ["show"] = false },
            },
            ["yAxis"] = new JsonObject
            {
                ["type"] = "value",
                ["name"] = "Mean sentiment",
                ["min"] = -1,
                ["max"] = 1,
                ["interval"] = 0.5,
            },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "scatter",
                ["name"] = "Topics",
                ["cursor"] = "pointer",
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["formatter"] = "{b}", ["color"] = "#1b1f24", ["fontSize"] = 11 },
                ["labelLayout"] = new JsonObject { ["hideOverlap"] = true },
                ["emphasis"] = new JsonObject { ["focus"] = "self", ["label"] = new JsonObject { ["show"] = true } },
                ["markLine"] = new JsonObject
                {
                    ["silent"] = true,
                    ["symbol"] = new JsonArray("none", "none"),
                    ["label"] = new JsonObject { ["show"] = false },
                    ["lineStyle"] = new JsonObject { ["color"] = "#767f89", ["type"] = "dashed", ["width"] = 1 },
                    ["data"] = new JsonArray(new JsonObject { ["yAxis"] = 0 }),
                },
                ["data"] = data,
            }),
        };
        return option.ToJsonString();
    }

    /// <summary>A topic's trend: its share of the analysed comments per period (bars, left axis, %) and mean sentiment (line, right axis).</summary>
    public static string Trend(TopicTrendDto trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["data"] = new JsonArray("Share of comments (%)", "Mean sentiment") },
            ["grid"] = new JsonObject { ["containLabel"] = true, ["top"] = 48, ["left"] = 16, ["right"] = 16 },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray([.. trend.Points.Select(p => (JsonNode)p.Period)]) },
            ["yAxis"] = new JsonArray(
                new JsonObject { ["type"] = "value", ["name"] = "% of comments", ["min"] = 0 },
                new JsonObject { ["type"] = "value", ["name"] = "Sentiment", ["min"] = -1, ["max"] = 1, ["interval"] = 0.5, ["splitLine"] = new JsonObject { ["show"] = false } }),
            ["series"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "bar",
                    ["name"] = "Share of comments (%)",
                    ["yAxisIndex"] = 0,
                    ["data"] = new JsonArray([.. trend.Points.Select(p => p.Share is { } s ? JsonValue.Create(Math.Round(s * 100, 2)) : null)]),
                },
                new JsonObject
                {
                    ["type"] = "line",
                    ["name"] = "Mean sentiment",
                    ["yAxisIndex"] = 1,
                    ["connectNulls"] = false,
                    ["symbolSize"] = 6,
                    ["data"] = new JsonArray([.. trend.Points.Select(p => p.MeanSentiment is { } s ? JsonValue.Create(Math.Round(s, 3)) : null)]),
                }),
        };
        return option.ToJsonString();
    }

    /// <summary>The colour of a driver going with a higher outcome (blue) and with a lower one (vermillion).</summary>
    public const string RaisesColour = "#0072b2";

    public const string LowersColour = "#d55e00";

    /// <summary>
    /// Key drivers: one horizontal bar per topic, its relative weight in % of R², with the 90% bootstrap interval as a
    /// whisker; the bar's colour and the ▲/▼ before the name give the direction (the sign of r).
    /// </summary>
    public static string Drivers(IReadOnlyList<(string Label, TopicDriverDto Driver)> drivers, string outcome)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var names = new JsonArray();
        var bars = new JsonArray();
        var whiskers = new JsonArray();
        for (var i = 0; i < drivers.Count; i++)
        {
            var (label, d) = drivers[i];
            names.Add(DriverName(label, d.Sign));
            bars.Add(new JsonObject
            {
                ["value"] = Math.Round(d.Weight, 1),
                ["itemStyle"] = new JsonObject { ["color"] = d.Sign < 0 ? LowersColour : RaisesColour },
            });
            if (d.WeightLow is { } low && d.WeightHigh is { } high)
            {
                whiskers.Add(new JsonArray(
                    new JsonObject { ["coord"] = new JsonArray(Math.Round(low, 1), i) },
                    new JsonObject { ["coord"] = new JsonArray(Math.Round(high, 1), i) }));
            }
        }

        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis", ["axisPointer"] = new JsonObject { ["type"] = "shadow" } },
            ["grid"] = new JsonObject { ["containLabel"] = true, ["left"] = 16, ["right"] = 48, ["top"] = 32, ["bottom"] = 16 },
            // The axis reaches the highest interval end, so no whisker is cut off (ECharts does not stretch the axis for mark lines).
            ["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = "% of R²", ["min"] = 0, ["max"] = AxisMax(drivers.Select(d => Math.Max(d.Driver.Weight, d.Driver.WeightHigh ?? 0))) },
            ["yAxis"] = new JsonObject { ["type"] = "category", ["inverse"] = true, ["data"] = names },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = $"Relative weight on {outcome} (% of R²)",
                ["data"] = bars,
                ["markLine"] = new JsonObject
                {
                    ["silent"] = true,
                    ["symbol"] = new JsonArray("none", "none"),
                    ["label"] = new JsonObject { ["show"] = false },
                    ["lineStyle"] = new JsonObject { ["color"] = "#1b1f24", ["width"] = 2, ["type"] = "solid" },
                    ["data"] = whiskers,
                },
            }),
        };
        return option.ToJsonString();
    }

    /// <summary>The next multiple of 10 at or above the largest value (at least 10), for a percent axis.</summary>
    public static double AxisMax(IEnumerable<double> values) => Math.Max(10, Math.Ceiling(values.DefaultIfEmpty(0).Max() / 10) * 10);

    /// <summary>A driver's name with its direction: "▲ Staff" (goes with a higher outcome), "▼ Delivery" (lower).</summary>
    public static string DriverName(string label, int sign) => (sign < 0 ? "▼ " : sign > 0 ? "▲ " : "") + label;

    /// <summary>The bubble colour of an NPS in points: vermillion at −100, grey at 0, blue at +100.</summary>
    public static string Colour(double? nps)
    {
        if (nps is not { } points)
        {
            return NoNpsColour;
        }

        var t = Math.Clamp(points / 100.0, -1, 1);
        var (from, to, f) = t < 0 ? (Mid, Low, -t) : (Mid, High, t);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(from.R, to.R, f):x2}{Mix(from.G, to.G, f):x2}{Mix(from.B, to.B, f):x2}");
    }

    private static int Mix(byte a, byte b, double f) => (int)Math.Round(a + ((b - a) * f));

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("{", "&#123;", StringComparison.Ordinal).Replace("}", "&#125;", StringComparison.Ordinal);
}
