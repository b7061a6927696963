namespace Loopwise.Core.Kpis;

/// <summary>
/// The cx-reference.md §10 <c>status_rule</c>: "green if meets target (or benchmark); red if action threshold
/// crossed; amber otherwise; grey if n &lt; min_n". Entries without an action threshold (the four relationship
/// metrics, §10 notes; also the channel metrics) can only be "meets target" (<see cref="KpiStatus.OnTarget"/>) or
/// "below target", which maps to <see cref="KpiStatus.Watch"/> (amber).
/// </summary>
public static class KpiStatusRule
{
    // Values are compared in display units after rounding to this many decimals, so that 13/20 = 0.65 shown as
    // 65% is exactly at an FCR threshold of 65 (0.65·100 is not exactly 65 in binary floating point).
    private const int ComparisonDecimals = 9;

    /// <summary>
    /// Rates a value against a target entry. Order: no value or n = 0 → <see cref="KpiStatus.NoData"/>;
    /// n &lt; min_n → <see cref="KpiStatus.LowBase"/>; disabled entry or nothing to rate against →
    /// <see cref="KpiStatus.NoTarget"/>; meets the target or the benchmark → <see cref="KpiStatus.OnTarget"/>;
    /// action threshold crossed → <see cref="KpiStatus.Action"/>; otherwise <see cref="KpiStatus.Watch"/>.
    /// Exactly at a target such as "&gt;= 50" meets it; exactly at an action threshold such as "&lt; 65" does not
    /// cross it. A between benchmark is met from its good end on (FCR 70–75: value ≥ 70).
    /// </summary>
    /// <param name="definition">The KPI (its polarity and units).</param>
    /// <param name="target">The target entry, or null when the KPI has none.</param>
    /// <param name="value">The value in internal units (NPS −1..1, rates 0..1, means and hours as is), or null.</param>
    /// <param name="n">The sample size or event count behind the value.</param>
    /// <exception cref="ArgumentException">The target belongs to a different KPI.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public static KpiStatusResult Evaluate(KpiDefinition definition, KpiTarget? target, double? value, long n)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (target is not null && target.Id != definition.Id)
        {
            throw new ArgumentException($"The target is for '{target.Id}', not '{definition.Id}'.", nameof(target));
        }

        double? shown = value is { } v && double.IsFinite(v)
            ? Math.Round(definition.ToDisplayUnits(v), ComparisonDecimals)
            : null;
        if (shown is not { } x || n == 0)
        {
            return new KpiStatusResult(definition.Id, KpiStatus.NoData, shown, n, null);
        }

        if (target?.MinN is { } minN && n < minN)
        {
            return new KpiStatusResult(definition.Id, KpiStatus.LowBase, x, n, null);
        }

        if (target is null || !target.CanRate)
        {
            return new KpiStatusResult(definition.Id, KpiStatus.NoTarget, x, n, null);
        }

        var polarity = definition.Polarity;
        if (target.Target is { } goal && goal.IsMetBy(x, polarity))
        {
            return new KpiStatusResult(definition.Id, KpiStatus.OnTarget, x, n, goal);
        }

        if (target.Benchmark is { } benchmark && benchmark.IsMetBy(x, polarity))
        {
            return new KpiStatusResult(definition.Id, KpiStatus.OnTarget, x, n, benchmark);
        }

        if (target.Action is { } action && action.IsMetBy(x, polarity))
        {
            return new KpiStatusResult(definition.Id, KpiStatus.Action, x, n, action);
        }

        return new KpiStatusResult(definition.Id, KpiStatus.Watch, x, n, target.Target ?? target.Benchmark ?? target.Action);
    }

    /// <summary>Rates a value against the shipped default entry of its KPI (<see cref="DefaultTargets"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public static KpiStatusResult EvaluateDefault(KpiDefinition definition, double? value, long n)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Evaluate(definition, DefaultTargets.Find(definition.Id), value, n);
    }
}
