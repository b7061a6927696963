using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class DefaultTargetsTests
{
    // cx-reference.md §10, copied verbatim: the shipped cx-default-targets.yaml.
    private const string Yaml = """
        # cx-default-targets.yaml — shipped defaults; each workspace may override. Source: [42] unless noted.
        version: 1
        status_rule: >-
          green if meets target (or benchmark); red if action threshold crossed;
          amber otherwise; grey if n < min_n
        maturity_levels:
          - {level: 1, id: reactive,   name: "Reactive (Basic)"}
          - {level: 2, id: responsive, name: "Responsive (Developing)"}
          - {level: 3, id: proactive,  name: "Proactive (Proficient)"}
          - {level: 4, id: predictive, name: "Predictive (Advanced)"}
        metrics:
          - {id: nps, kind: relationship, scale: nps_0_10, unit: points, range: [-100, 100], better: higher,
             target: {op: ">=", value: 50}, label_at_target: Excellent, frequency: monthly, min_n: 30}
          - {id: csat_pct, kind: relationship, scale: csat_1_5, favourable: [4, 5], unit: percent, better: higher,
             target: {op: ">=", value: 80}, frequency: per_interaction, min_n: 30}
          - {id: ces_effort_mean, kind: relationship, scale: ces_effort_1_5, unit: mean, better: lower,
             target: {op: "<", value: 2.0}, label_at_target: "Low effort", frequency: per_journey, min_n: 30}
          - {id: ces2_ease_mean, kind: relationship, scale: ces_agree_1_7, unit: mean, better: higher,
             target: {op: ">=", value: 5.5}, derived: true, enabled: false,
             note: "linear rescale of the 1-5 target; not a published benchmark"}
          - {id: health_score, kind: relationship, scale: health_0_100, unit: score, better: higher,
             target: {op: ">=", value: 70}, frequency: monthly}
          - {id: fcr, kind: transactional, unit: percent, better: higher, variant: repeat_contact, window_days: 7,
             benchmark: {op: between, low: 70, high: 75}, action: {op: "<", value: 65}}
          - {id: first_response_time, kind: transactional, unit: hours, statistic: mean, clock: business_hours,
             better: lower, benchmark: {op: "<", value: 2}, action: {op: ">", value: 4}}
          - {id: abandonment_rate, kind: transactional, unit: percent, better: lower, short_abandon_seconds: 5,
             benchmark: {op: "<", value: 10}, action: {op: ">", value: 15}}
          - {id: completion_rate, kind: transactional, unit: percent, better: higher,
             benchmark: {op: ">=", value: 85}, action: {op: "<", value: 80}}
          - {id: social_first_response_time, kind: channel, channel: social, unit: hours, clock: business_hours,
             better: lower, target: {op: "<", value: 1}}
          - {id: page_load_time, kind: channel, channel: web, unit: seconds, better: lower, target: {op: "<", value: 3}}
        business_impact: [clv, churn_rate, revenue_per_customer, referral_rate]   # §3, no seed targets
        """;

    private static readonly MiniYaml Parsed = MiniYaml.Parse(Yaml);

    public static TheoryData<string> MetricIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in YamlMetricIds())
        {
            data.Add(id);
        }

        return data;
    }

    private static IEnumerable<string> YamlMetricIds() => Parsed.Lists["metrics"].Select(entry => (string)entry["id"]);

    [Fact]
    public void Version_and_status_rule_match_the_yaml()
    {
        Assert.Equal(DefaultTargets.Version, int.Parse(Parsed.Scalars["version"], CultureInfo.InvariantCulture));
        Assert.Equal(DefaultTargets.StatusRule, Parsed.Scalars["status_rule"]);
    }

    [Fact]
    public void Maturity_levels_match_the_yaml()
    {
        var expected = Parsed.Lists["maturity_levels"]
            .Select(m => (int.Parse((string)m["level"], CultureInfo.InvariantCulture), (string)m["id"], (string)m["name"]))
            .ToArray();

        Assert.Equal(expected, DefaultTargets.MaturityLevels);
    }

    [Fact]
    public void Business_impact_list_matches_the_yaml_and_has_no_targets()
    {
        Assert.Equal(Parsed.Inline["business_impact"], DefaultTargets.BusinessImpact.Select(id => id.Value));
        Assert.All(DefaultTargets.BusinessImpact, id => Assert.Null(DefaultTargets.Find(id)));
        Assert.All(DefaultTargets.BusinessImpact, id => Assert.Equal(KpiKind.Business, KpiCatalog.Get(id).Kind));
    }

    [Fact]
    public void Entries_are_the_yaml_metrics_in_yaml_order()
    {
        Assert.Equal(YamlMetricIds(), DefaultTargets.All.Select(t => t.Id.Value));
    }

    [Theory]
    [MemberData(nameof(MetricIds))]
    public void Entry_equals_the_yaml_entry(string id)
    {
        var entry = Parsed.Lists["metrics"].Single(e => (string)e["id"] == id);
        var expected = new KpiTarget(new KpiId(id));
        var definition = KpiCatalog.Get(new KpiId(id));
        var settings = KpiTargetSettings.None;

        foreach (var (key, value) in entry)
        {
            switch (key)
            {
                case "id":
                    break;
                case "kind":
                    Assert.Equal((string)value, definition.Kind.ToString().ToLowerInvariant());
                    break;
                case "scale":
                    expected = expected with { ScaleId = (string)value };
                    Assert.Equal((string)value, definition.ScaleId);
                    break;
                case "favourable":
                    Assert.Equal(((List<string>)value).Select(Number).Select(v => (int)v), definition.Scale!.Favourable);
                    break;
                case "unit":
                    Assert.Equal((string)value, definition.Unit.ToString().ToLowerInvariant());
                    break;
                case "range":
                    Assert.Equal(((List<string>)value).Select(Number), new[] { definition.RangeMin!.Value, definition.RangeMax!.Value });
                    break;
                case "better":
                    Assert.Equal((string)value == "higher" ? ScalePolarity.HigherIsBetter : ScalePolarity.LowerIsBetter, definition.Polarity);
                    break;
                case "statistic":
                    Assert.Equal("mean", (string)value);
                    Assert.Equal(KpiStatistic.Mean, definition.Statistic);
                    break;
                case "channel":
                    Assert.Equal((string)value, definition.Channel);
                    break;
                case "target":
                    expected = expected with { Target = Threshold(value) };
                    break;
                case "benchmark":
                    expected = expected with { Benchmark = Threshold(value) };
                    break;
                case "action":
                    expected = expected with { Action = Threshold(value) };
                    break;
                case "label_at_target":
                    expected = expected with { LabelAtTarget = (string)value };
                    break;
                case "frequency":
                    expected = expected with { Frequency = Enum.Parse<KpiFrequency>(Pascal((string)value)) };
                    break;
                case "min_n":
                    expected = expected with { MinN = (int)Number(value) };
                    break;
                case "derived":
                    expected = expected with { Derived = bool.Parse((string)value) };
                    break;
                case "enabled":
                    expected = expected with { Enabled = bool.Parse((string)value) };
                    break;
                case "note":
                    expected = expected with { Note = (string)value };
                    break;
                case "variant":
                    settings = settings with { Variant = Enum.Parse<FcrVariant>(Pascal((string)value)) };
                    break;
                case "window_days":
                    settings = settings with { WindowDays = (int)Number(value) };
                    break;
                case "clock":
                    settings = settings with { Clock = Enum.Parse<ResponseClock>(Pascal((string)value)) };
                    break;
                case "short_abandon_seconds":
                    settings = settings with { ShortAbandonSeconds = Number(value) };
                    break;
                default:
                    Assert.Fail($"YAML key '{key}' of '{id}' is not checked.");
                    break;
            }
        }

        Assert.Equal(expected with { Settings = settings }, DefaultTargets.Find(new KpiId(id)));
    }

    [Fact]
    public void Every_default_passes_validation_without_issues()
    {
        var issues = DefaultTargets.All.SelectMany(t => KpiTargetValidator.Validate(KpiCatalog.Get(t.Id), t));

        Assert.Empty(issues);
    }

    private static KpiThreshold Threshold(object value)
    {
        var map = (Dictionary<string, object>)value;
        var op = KpiThreshold.ParseOperator((string)map["op"]) ?? throw new InvalidOperationException("unknown op");
        return op == ThresholdOperator.Between
            ? KpiThreshold.Between(Number(map["low"]), Number(map["high"]))
            : KpiThreshold.Is(op, Number(map["value"]));
    }

    private static double Number(object value) => double.Parse((string)value, CultureInfo.InvariantCulture);

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    // Just enough YAML for the §10 file: top-level scalars, one folded scalar, lists of flow mappings, inline lists.
    private sealed class MiniYaml
    {
        public Dictionary<string, string> Scalars { get; } = [];

        public Dictionary<string, List<string>> Inline { get; } = [];

        public Dictionary<string, List<Dictionary<string, object>>> Lists { get; } = [];

        public static MiniYaml Parse(string text)
        {
            var yaml = new MiniYaml();
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = StripComment(lines[i]);
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var key = line[..colon];
                var rest = line[(colon + 1)..].Trim();
                if (rest == ">-")
                {
                    var parts = new List<string>();
                    while (i + 1 < lines.Count && lines[i + 1].StartsWith(' '))
                    {
                        parts.Add(lines[++i].Trim());
                    }

                    yaml.Scalars[key] = string.Join(' ', parts);
                }
                else if (rest.Length == 0)
                {
                    var items = new List<Dictionary<string, object>>();
                    while (i + 1 < lines.Count && lines[i + 1].StartsWith(' '))
                    {
                        var item = lines[++i].Trim()[1..].Trim();
                        while (Depth(item) > 0)
                        {
                            item += " " + lines[++i].Trim();
                        }

                        var position = 0;
                        items.Add((Dictionary<string, object>)ParseValue(item, ref position));
                    }

                    yaml.Lists[key] = items;
                }
                else if (rest.StartsWith('['))
                {
                    var position = 0;
                    yaml.Inline[key] = (List<string>)ParseValue(rest, ref position);
                }
                else
                {
                    yaml.Scalars[key] = rest;
                }
            }

            return yaml;
        }

        private static string StripComment(string line)
        {
            var hash = line.IndexOf("   #", StringComparison.Ordinal);
            return hash < 0 ? line : line[..hash];
        }

        private static int Depth(string text) => text.Count(c => c is '{' or '[') - text.Count(c => c is '}' or ']');

        private static object ParseValue(string text, ref int i)
        {
            SkipSpaces(text, ref i);
            if (text[i] == '{')
            {
                var map = new Dictionary<string, object>();
                i++;
                while (true)
                {
                    SkipSpaces(text, ref i);
                    if (text[i] == '}')
                    {
                        i++;
                        return map;
                    }

                    var colon = text.IndexOf(':', i);
                    var key = text[i..colon].Trim();
                    i = colon + 1;
                    map.Add(key, ParseValue(text, ref i));
                    SkipSpaces(text, ref i);
                    if (text[i] == ',')
                    {
                        i++;
                    }
                }
            }

            if (text[i] == '[')
            {
                var list = new List<string>();
                i++;
                while (true)
                {
                    SkipSpaces(text, ref i);
                    if (text[i] == ']')
                    {
                        i++;
                        return list;
                    }

                    list.Add((string)ParseValue(text, ref i));
                    SkipSpaces(text, ref i);
                    if (text[i] == ',')
                    {
                        i++;
                    }
                }
            }

            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var quoted = text[(i + 1)..end];
                i = end + 1;
                return quoted;
            }

            var start = i;
            while (i < text.Length && text[i] is not (',' or '}' or ']'))
            {
                i++;
            }

            return text[start..i].Trim();
        }

        private static void SkipSpaces(string text, ref int i)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }
    }
}
