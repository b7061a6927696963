using static System.FormattableString;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Customer lifetime value (cx-reference.md §3, "Customer lifetime value"). Margin m, retention r and discount d must
/// all be per the same period (convert a yearly discount rate with <see cref="MonthlyDiscountRate"/>). Inputs outside
/// the formulas' domain are refused with a readable <see cref="KpiResult.Error"/>; a result is never NaN or ∞.
/// </summary>
public static class Clv
{
    /// <summary>
    /// Simple, revenue-based, undiscounted [15]: average order value × purchases per year × expected lifespan in
    /// years (300 × 5 × 2 = 3,000). Refused unless all three are finite and ≥ 0.
    /// </summary>
    public static KpiResult Simple(double averageOrderValue, double purchasesPerYear, double lifespanYears)
    {
        if (NonNegative(averageOrderValue, "The average order value") is { } e1)
        {
            return KpiResult.Invalid(e1);
        }

        if (NonNegative(purchasesPerYear, "Purchases per year") is { } e2)
        {
            return KpiResult.Invalid(e2);
        }

        return NonNegative(lifespanYears, "The lifespan in years") is { } e3
            ? KpiResult.Invalid(e3)
            : Finite(averageOrderValue * purchasesPerYear * lifespanYears);
    }

    /// <summary>
    /// The margin multiple r/(1 + d − r) [13][14]: CLV per unit of margin with margin received at the end of each
    /// period (2.67 for r = 0.8, d = 0.1). Refused unless 0 ≤ r &lt; 1 and d ≥ 0.
    /// </summary>
    public static KpiResult MarginMultiple(double retention, double discountRate) =>
        CheckRates(retention, discountRate) is { } error
            ? KpiResult.Invalid(error)
            : Finite(retention / (1.0 + discountRate - retention));

    /// <summary>
    /// Margin-based CLV with margin received at the end of each period [13][14]:
    /// <c>m·r/(1 + d − r)</c> = m·Σ_{t≥1} rᵗ/(1+d)ᵗ (m = 100, r = 0.8, d = 0.1 → 266.67).
    /// Refused unless m is finite, 0 ≤ r &lt; 1 and d ≥ 0; with r → 1 use <see cref="FiniteHorizon"/>.
    /// </summary>
    public static KpiResult EndOfPeriod(double margin, double retention, double discountRate) =>
        CheckMarginAndRates(margin, retention, discountRate) is { } error
            ? KpiResult.Invalid(error)
            : Finite(margin * retention / (1.0 + discountRate - retention));

    /// <summary>
    /// Margin-based CLV including the current period's margin [14]: <c>m·(1 + d)/(1 + d − r)</c>
    /// (m = 100, r = 0.8, d = 0.1 → 366.67). Refused unless m is finite, 0 ≤ r &lt; 1 and d ≥ 0.
    /// </summary>
    public static KpiResult IncludingCurrentPeriod(double margin, double retention, double discountRate) =>
        CheckMarginAndRates(margin, retention, discountRate) is { } error
            ? KpiResult.Invalid(error)
            : Finite(margin * (1.0 + discountRate) / (1.0 + discountRate - retention));

    /// <summary>
    /// CLV over a finite horizon of T periods: <c>Σ_{t=1..T} m·rᵗ/(1+d)ᵗ</c>. Works for r = 1 and d = 0 (then m·T).
    /// Refused unless m is finite, 0 ≤ r ≤ 1, d ≥ 0 and T ≥ 0 (T = 0 gives 0).
    /// </summary>
    public static KpiResult FiniteHorizon(double margin, double retention, double discountRate, int periods)
    {
        if (!double.IsFinite(margin))
        {
            return KpiResult.Invalid("The margin per period must be a finite number.");
        }

        if (!(retention >= 0.0 && retention <= 1.0))
        {
            return KpiResult.Invalid(Invariant($"Retention r must satisfy 0 ≤ r ≤ 1 for a finite horizon (got {retention})."));
        }

        if (CheckDiscount(discountRate) is { } error)
        {
            return KpiResult.Invalid(error);
        }

        if (periods < 0)
        {
            return KpiResult.Invalid(Invariant($"The horizon must be 0 or more periods (got {periods})."));
        }

        var q = retention / (1.0 + discountRate);
        return Finite(margin * DiscountedSum(q, periods));
    }

    /// <summary>
    /// Expected lifetime in periods under constant retention: <c>1/(1 − r)</c> (r = 0.8 → 5 periods).
    /// Refused unless 0 ≤ r &lt; 1.
    /// </summary>
    public static KpiResult ExpectedLifetime(double retention) =>
        CheckRetention(retention) is { } error ? KpiResult.Invalid(error) : Finite(1.0 / (1.0 - retention));

    /// <summary>
    /// Net CLV: the CLV minus the acquisition cost, subtracted once [13]. Refused when the CLV was refused (its
    /// error is passed on) or the cost is not a finite number ≥ 0.
    /// </summary>
    public static KpiResult Net(KpiResult clv, double acquisitionCost)
    {
        ArgumentNullException.ThrowIfNull(clv);
        if (clv.Value is not { } value)
        {
            return clv;
        }

        return NonNegative(acquisitionCost, "The acquisition cost") is { } error
            ? KpiResult.Invalid(error)
            : Finite(value - acquisitionCost);
    }

    /// <summary>
    /// Converts a yearly discount rate to the equivalent monthly rate: <c>d_m = (1 + d_y)^(1/12) − 1</c>
    /// (10% a year → 0.797% a month). Refused unless d_y is finite and ≥ 0.
    /// </summary>
    public static KpiResult MonthlyDiscountRate(double yearlyRate) =>
        CheckDiscount(yearlyRate) is { } error
            ? KpiResult.Invalid(error)
            : Finite(Math.Pow(1.0 + yearlyRate, 1.0 / 12.0) - 1.0);

    /// <summary>Σ_{t=1..T} qᵗ: summed term by term up to 100,000 periods (exact near q = 1), else the geometric closed form.</summary>
    private static double DiscountedSum(double q, int periods)
    {
        if (periods > 100_000 && q < 1.0)
        {
            return q * (1.0 - Math.Pow(q, periods)) / (1.0 - q);
        }

        var sum = 0.0;
        var term = 1.0;
        for (var t = 1; t <= periods; t++)
        {
            term *= q;
            sum += term;
        }

        return sum;
    }

    private static KpiResult Finite(double value) => double.IsFinite(value)
        ? KpiResult.Ok(value)
        : KpiResult.Invalid("The inputs are too large: the result is not a finite number.");

    private static string? CheckMarginAndRates(double margin, double retention, double discountRate) =>
        !double.IsFinite(margin) ? "The margin per period must be a finite number." : CheckRates(retention, discountRate);

    private static string? CheckRates(double retention, double discountRate) =>
        CheckRetention(retention) ?? CheckDiscount(discountRate);

    private static string? CheckRetention(double retention) => retention >= 0.0 && retention < 1.0
        ? null
        : Invariant($"Retention r must satisfy 0 ≤ r < 1 (got {retention}); with r → 1 the value is infinite, so use a finite horizon.");

    private static string? CheckDiscount(double discountRate) => double.IsFinite(discountRate) && discountRate >= 0.0
        ? null
        : Invariant($"The discount rate d must be a finite number ≥ 0 (got {discountRate}).");

    private static string? NonNegative(double value, string what) => double.IsFinite(value) && value >= 0.0
        ? null
        : Invariant($"{what} must be a finite number ≥ 0 (got {value}).");
}
