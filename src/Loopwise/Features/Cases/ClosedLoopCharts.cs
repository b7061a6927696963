using System.Globalization;
using System.Text.Json.Nodes;

namespace Loopwise.Features.Cases;

/// <summary>ECharts options of the closed-loop page (the tables beside them hold the same numbers).</summary>
public static class ClosedLoopCharts
{
    /// <summary>Resolved cases per root cause as horizontal bars, most frequent on top.</summary>
    public static string Bars(IReadOnlyList<RootCauseRowDto> rows, string seriesName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.Reverse().ToList();
        var option = new JsonObject
        {
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis", ["axisPointer"] = new JsonObject { ["type"] = "shadow" }, ["confine"] = true },
            ["grid"] = new JsonObject { ["containLabel"] = true, ["left"] = 8, ["right"] = 40, ["top"] = 8, ["bottom"] = 24 },
            ["xAxis"] = new JsonObject { ["type"] = "value", ["minInterval"] = 1, ["name"] = "Cases", ["nameLocation"] = "middle", ["nameGap"] = 24 },
            ["yAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray([.. ordered.Select(r => (JsonNode)r.Label)]) },
            ["series"] = new JsonArray(new JsonObject
            {
                ["name"] = seriesName,
                ["type"] = "bar",
                ["data"] = new JsonArray([.. ordered.Select(r => (JsonNode)r.Cases)]),
                ["itemStyle"] = new JsonObject { ["color"] = "#0072b2" },
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right" },
            }),
        };
        return option.ToJsonString();
    }

    /// <summary>A share as a whole percentage ("83 %"), or an em dash.</summary>
    public static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0} %") : "—";

    /// <summary>Hours with one decimal ("3.5 h"), or an em dash.</summary>
    public static string Hours(double? hours) => hours is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h:0.#} h") : "—";
}
