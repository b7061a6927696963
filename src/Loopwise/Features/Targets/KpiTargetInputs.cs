using Loopwise.Core.Kpis;

namespace Loopwise.Features.Targets;

/// <summary>Turns a <see cref="KpiTargetInput"/> into a <see cref="KpiTarget"/> for one KPI, with readable issues for what cannot be read.</summary>
public static class KpiTargetInputs
{
    /// <summary>
    /// The entry, or null with error issues (unknown operators, variants, clocks). Frequency, label and scale come from the
    /// shipped default; <c>min_n</c> and settings left out keep the default's; the entry is never marked derived.
    /// </summary>
    public static (KpiTarget? Target, List<KpiTargetIssue> Issues) ToTarget(KpiDefinition definition, KpiTargetInput input)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<KpiTargetIssue>();
        void Error(string field, string message) =>
            issues.Add(new KpiTargetIssue(definition.Id, field, message, KpiTargetIssueSeverity.Error));

        var fallback = DefaultTargets.Find(definition.Id);
        var target = Threshold(input.Target, "target", Error);
        var benchmark = Threshold(input.Benchmark, "benchmark", Error);
        var action = Threshold(input.Action, "action", Error);
        var given = input.Settings ?? new KpiTargetSettingsInput();
        var defaults = fallback?.Settings ?? KpiTargetSettings.None;
        FcrVariant? variant = defaults.Variant;
        if (!string.IsNullOrWhiteSpace(given.Variant))
        {
            variant = KpiTargetJson.ParseSnake<FcrVariant>(given.Variant.Trim());
            if (variant is null)
            {
                Error("variant", $"'{given.Variant}' is not an FCR variant; use agent_flagged, customer_reported or repeat_contact.");
            }
        }

        ResponseClock? clock = defaults.Clock;
        if (!string.IsNullOrWhiteSpace(given.Clock))
        {
            clock = KpiTargetJson.ParseSnake<ResponseClock>(given.Clock.Trim());
            if (clock is null)
            {
                Error("clock", $"'{given.Clock}' is not a clock; use calendar or business_hours.");
            }
        }

        if (issues.Count > 0)
        {
            return (null, issues);
        }

        var settings = new KpiTargetSettings(
            variant, given.WindowDays ?? defaults.WindowDays, clock, given.ShortAbandonSeconds ?? defaults.ShortAbandonSeconds);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 500 })
        {
            Error("note", "A note has at most 500 characters.");
            return (null, issues);
        }

        return (new KpiTarget(
            definition.Id, target, benchmark, action,
            MinN: input.MinN ?? fallback?.MinN,
            Frequency: fallback?.Frequency,
            Enabled: input.Enabled ?? true,
            Derived: false,
            Note: note,
            LabelAtTarget: fallback?.LabelAtTarget,
            ScaleId: fallback?.ScaleId,
            Settings: settings == KpiTargetSettings.None ? null : settings), issues);
    }

    private static KpiThreshold? Threshold(ThresholdInput? input, string field, Action<string, string> error)
    {
        if (input is null || (string.IsNullOrWhiteSpace(input.Op) && input.Value is null && input.Low is null && input.High is null))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(input.Op))
        {
            error(field + ".op", "Give an operator: <, <=, >, >= or between.");
            return null;
        }

        if (KpiThreshold.ParseOperator(input.Op.Trim()) is not { } op)
        {
            error(field + ".op", $"'{input.Op}' is not an operator; use <, <=, >, >= or between.");
            return null;
        }

        return new KpiThreshold(op, input.Value, input.Low, input.High);
    }
}
