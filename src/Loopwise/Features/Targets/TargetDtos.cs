using System.Text.Json.Serialization;
using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Features.Targets;

// Target entries (input and output) use the field names of the cx-reference.md §10 YAML (min_n, window_days, ...), so an
// entry of the YAML can be sent as it is and error paths (nps.min_n) name the field sent. Wrappers are camelCase.

/// <summary>A threshold as sent: <c>{op, value}</c> or <c>{op: "between", low, high}</c>; op is &lt;, &lt;=, &gt;, &gt;= or between.</summary>
public sealed record ThresholdInput(string? Op, double? Value = null, double? Low = null, double? High = null);

/// <summary>Measurement settings as sent; a field left out keeps the shipped default's value.</summary>
public sealed record KpiTargetSettingsInput(
    string? Variant = null,
    [property: JsonPropertyName("window_days")] int? WindowDays = null,
    string? Clock = null,
    [property: JsonPropertyName("short_abandon_seconds")] double? ShortAbandonSeconds = null);

/// <summary>
/// The body of <c>PUT /api/v1/targets/{kpi}</c>: the thresholds replace the entry's (a threshold left out is removed);
/// <c>min_n</c> and settings left out keep the shipped default's; <c>enabled</c> defaults to true.
/// </summary>
public sealed record KpiTargetInput(
    ThresholdInput? Target = null,
    ThresholdInput? Benchmark = null,
    ThresholdInput? Action = null,
    [property: JsonPropertyName("min_n")] int? MinN = null,
    bool? Enabled = null,
    KpiTargetSettingsInput? Settings = null,
    string? Note = null);

/// <summary>A threshold as shown: op symbol, value or range, and its text (e.g. <c>&gt;= 50</c>, <c>between 70 and 75</c>).</summary>
public sealed record ThresholdDto(string Op, double? Value, double? Low, double? High, string Text)
{
    public static ThresholdDto? From(KpiThreshold? t) =>
        t is null ? null : new ThresholdDto(KpiThreshold.Symbol(t.Operator), t.Value, t.Low, t.High, t.ToString());
}

/// <summary>Measurement settings as shown (null = not applicable to this KPI).</summary>
public sealed record KpiTargetSettingsDto(
    string? Variant,
    [property: JsonPropertyName("window_days")] int? WindowDays,
    string? Clock,
    [property: JsonPropertyName("short_abandon_seconds")] double? ShortAbandonSeconds);

/// <summary>A target entry as shown, in the §10 YAML's field names.</summary>
public sealed record KpiTargetEntryDto(
    ThresholdDto? Target,
    ThresholdDto? Benchmark,
    ThresholdDto? Action,
    [property: JsonPropertyName("min_n")] int? MinN,
    bool Enabled,
    string? Frequency,
    bool Derived,
    string? Note,
    [property: JsonPropertyName("label_at_target")] string? LabelAtTarget,
    string? Scale,
    KpiTargetSettingsDto Settings)
{
    public static KpiTargetEntryDto? From(KpiTarget? t) => t is null ? null : new KpiTargetEntryDto(
        ThresholdDto.From(t.Target), ThresholdDto.From(t.Benchmark), ThresholdDto.From(t.Action), t.MinN, t.Enabled,
        t.Frequency is { } f ? KpiTargetJson.Snake(f) : null, t.Derived, t.Note, t.LabelAtTarget, t.ScaleId,
        new KpiTargetSettingsDto(
            t.Settings.Variant is { } v ? KpiTargetJson.Snake(v) : null, t.Settings.WindowDays,
            t.Settings.Clock is { } c ? KpiTargetJson.Snake(c) : null, t.Settings.ShortAbandonSeconds));
}

/// <summary>A problem with a target entry: path such as <c>nps.target.op</c>, message, <c>warning</c> or <c>error</c>.</summary>
public sealed record KpiTargetIssueDto(string Path, string Message, string Severity)
{
    public static KpiTargetIssueDto From(KpiTargetIssue issue) =>
        new(issue.Path, issue.Message, issue.Severity == KpiTargetIssueSeverity.Error ? "error" : "warning");
}

/// <summary>
/// One KPI of the catalogue with its effective target (the workspace's override, else the shipped default; null when
/// it has neither), the default, whether it is overridden, and the override's warnings.
/// </summary>
public sealed record KpiTargetView(
    string Kpi,
    string Label,
    KpiKind Kind,
    KpiUnit Unit,
    ScalePolarity Polarity,
    KpiTargetEntryDto? Effective,
    KpiTargetEntryDto? Default,
    bool Overridden,
    int? Version,
    DateTime? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<KpiTargetIssueDto> Warnings);

/// <summary>A recorded crossing of an action threshold (value in display units).</summary>
public sealed record ThresholdEventDto(
    Guid Id, string Kpi, string Period, double Value, long N, string Threshold, CrossingDirection Direction, KpiStatus? StatusBefore, DateTime OccurredAt);
