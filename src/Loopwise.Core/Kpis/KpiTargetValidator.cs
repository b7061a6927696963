using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Checks a target entry against its KPI definition (cx-reference.md §2 points 1-2 and §10). Errors: malformed
/// thresholds, values outside the metric's range, an action threshold that overlaps the goal, a target written for
/// another scale (e.g. a ces_agree_1_7 target on ces_effort_mean), invalid settings. Warnings: a target using
/// "&lt;" on a higher-is-better metric or "&gt;" on a lower-is-better one (and the mirror for action thresholds),
/// settings the KPI ignores.
/// </summary>
public static class KpiTargetValidator
{
    /// <summary>All issues of <paramref name="target"/>; empty when it is valid.</summary>
    public static IReadOnlyList<KpiTargetIssue> Validate(KpiDefinition definition, KpiTarget target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        var issues = new List<KpiTargetIssue>();
        void Error(string field, string message) =>
            issues.Add(new KpiTargetIssue(target.Id, field, message, KpiTargetIssueSeverity.Error));
        void Warn(string field, string message) =>
            issues.Add(new KpiTargetIssue(target.Id, field, message, KpiTargetIssueSeverity.Warning));

        if (target.Id != definition.Id)
        {
            Error("id", $"The entry is for '{target.Id}' but was checked against '{definition.Id}'.");
            return issues;
        }

        CheckScale(definition, target, Error);
        var goodThresholds = 0;
        goodThresholds += CheckThreshold(definition, target.Target, "target", isAction: false, Error, Warn);
        goodThresholds += CheckThreshold(definition, target.Benchmark, "benchmark", isAction: false, Error, Warn);
        goodThresholds += CheckThreshold(definition, target.Action, "action", isAction: true, Error, Warn);
        if (goodThresholds == CountPresent(target) && target.Action is { } action)
        {
            foreach (var (goal, field) in new[] { (target.Target, "target"), (target.Benchmark, "benchmark") })
            {
                if (goal is not null && Overlaps(goal, action, definition.Polarity))
                {
                    Error("action", $"The action threshold {action} overlaps the {field} {goal}: a value could be green and red at once.");
                }
            }
        }

        if (target.MinN is < 0)
        {
            Error("min_n", "min_n cannot be negative.");
        }

        CheckSettings(definition, target.Settings, Error, Warn);
        return issues;
    }

    private static void CheckScale(KpiDefinition definition, KpiTarget target, Action<string, string> error)
    {
        if (target.ScaleId is not { } scale || string.Equals(scale, definition.ScaleId, StringComparison.Ordinal))
        {
            return;
        }

        error("scale", definition.ScaleId is null
            ? $"'{definition.Id}' is not measured on a rating scale; remove scale '{scale}'."
            : $"'{definition.Id}' is measured on '{definition.ScaleId}'; a target written for '{scale}' cannot apply to it (no conversion between scales).");
    }

    private static int CountPresent(KpiTarget target) =>
        (target.Target is null ? 0 : 1) + (target.Benchmark is null ? 0 : 1) + (target.Action is null ? 0 : 1);

    // Returns 1 when the threshold is present and well formed.
    private static int CheckThreshold(
        KpiDefinition definition, KpiThreshold? threshold, string field, bool isAction,
        Action<string, string> error, Action<string, string> warn)
    {
        if (threshold is null)
        {
            return 0;
        }

        if (threshold.Operator == ThresholdOperator.Between)
        {
            if (isAction)
            {
                error(field + ".op", "An action threshold must be one-sided (<, <=, > or >=), not a range.");
                return 0;
            }

            if (threshold.Low is not { } low || threshold.High is not { } high || !double.IsFinite(low) || !double.IsFinite(high))
            {
                error(field, "A between range needs finite low and high values.");
                return 0;
            }

            if (low > high)
            {
                error(field + ".low", Invariant($"low {low} is above high {high}."));
                return 0;
            }

            return CheckRange(definition, field + ".low", low, error) & CheckRange(definition, field + ".high", high, error);
        }

        if (threshold.Value is not { } value || !double.IsFinite(value))
        {
            error(field + ".value", "A threshold needs a finite value.");
            return 0;
        }

        if (threshold.Low is not null || threshold.High is not null)
        {
            error(field, "low and high belong to a between range only.");
            return 0;
        }

        var higher = definition.Polarity == ScalePolarity.HigherIsBetter;
        var pointsDown = isAction ? threshold.IsLowerBound : threshold.IsUpperBound;
        if (pointsDown == higher)
        {
            var word = higher ? "higher" : "lower";
            warn(field + ".op", $"'{KpiThreshold.Symbol(threshold.Operator)}' on '{definition.Id}', where {word} is better: check the direction.");
        }

        return CheckRange(definition, field + ".value", value, error);
    }

    private static int CheckRange(KpiDefinition definition, string field, double value, Action<string, string> error)
    {
        if ((definition.RangeMin is { } min && value < min) || (definition.RangeMax is { } max && value > max))
        {
            var range = Invariant($"{definition.RangeMin?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}..{definition.RangeMax?.ToString(CultureInfo.InvariantCulture) ?? "inf"}");
            error(field, Invariant($"{value} is outside the range {range} of '{definition.Id}' ({definition.Unit.ToString().ToLowerInvariant()})."));
            return 0;
        }

        return 1;
    }

    private static void CheckSettings(
        KpiDefinition definition, KpiTargetSettings settings, Action<string, string> error, Action<string, string> warn)
    {
        var isFcr = definition.Id == KpiId.Fcr;
        if (settings.Variant is not null && !isFcr)
        {
            warn("variant", "variant applies to fcr only and is ignored.");
        }

        if (settings.WindowDays is { } days)
        {
            if (!isFcr)
            {
                warn("window_days", "window_days applies to fcr only and is ignored.");
            }
            else if (days <= 0)
            {
                error("window_days", "window_days must be at least 1.");
            }
        }

        if (settings.Clock is not null && definition.Unit != KpiUnit.Hours)
        {
            warn("clock", "clock applies to response times only and is ignored.");
        }

        if (settings.ShortAbandonSeconds is { } seconds)
        {
            if (definition.Id != KpiId.AbandonmentRate)
            {
                warn("short_abandon_seconds", "short_abandon_seconds applies to abandonment_rate only and is ignored.");
            }
            else if (!double.IsFinite(seconds) || seconds < 0)
            {
                error("short_abandon_seconds", "short_abandon_seconds must be zero or more.");
            }
        }
    }

    // True when some value meets the goal and crosses the action threshold.
    private static bool Overlaps(KpiThreshold goal, KpiThreshold action, ScalePolarity polarity)
    {
        var a = Region(goal, polarity);
        var b = Region(action, polarity);
        var (lo, loIn) = a.Lo > b.Lo ? (a.Lo, a.LoIn) : b.Lo > a.Lo ? (b.Lo, b.LoIn) : (a.Lo, a.LoIn && b.LoIn);
        var (hi, hiIn) = a.Hi < b.Hi ? (a.Hi, a.HiIn) : b.Hi < a.Hi ? (b.Hi, b.HiIn) : (a.Hi, a.HiIn && b.HiIn);
        return lo < hi || (lo == hi && loIn && hiIn);
    }

    private static (double Lo, bool LoIn, double Hi, bool HiIn) Region(KpiThreshold t, ScalePolarity polarity) => t.Operator switch
    {
        ThresholdOperator.LessThan => (double.NegativeInfinity, false, t.Value!.Value, false),
        ThresholdOperator.LessThanOrEqual => (double.NegativeInfinity, false, t.Value!.Value, true),
        ThresholdOperator.GreaterThan => (t.Value!.Value, false, double.PositiveInfinity, false),
        ThresholdOperator.GreaterThanOrEqual => (t.Value!.Value, true, double.PositiveInfinity, false),
        _ => polarity == ScalePolarity.HigherIsBetter
            ? (t.Low!.Value, true, double.PositiveInfinity, false)
            : (double.NegativeInfinity, false, t.High!.Value, true),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
