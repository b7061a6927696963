using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Referral rate (cx-reference.md §3) [18]. Two definitions are in use, so every figure carries its
/// <see cref="ReferralBasis"/>: (a) acquisition basis, new customers acquired via referral / all new customers in
/// the period; (b) advocacy basis, customers who referred ≥ 1 / active customers.
/// </summary>
public static class Referral
{
    /// <summary>Acquisition basis: new customers acquired via referral / all new customers in the period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the referred exceed all new customers.</exception>
    public static ReferralRate Acquisition(long newViaReferral, long allNew, double z = 1.96) =>
        new(ReferralBasis.Acquisition, Proportion.Estimate(newViaReferral, allNew, z));

    /// <summary>Advocacy basis: customers who referred at least one other / active customers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the referrers exceed the active customers.</exception>
    public static ReferralRate Advocacy(long customersWhoReferred, long activeCustomers, double z = 1.96) =>
        new(ReferralBasis.Advocacy, Proportion.Estimate(customersWhoReferred, activeCustomers, z));

    /// <summary>The rate on an explicit basis: <paramref name="numerator"/>/<paramref name="denominator"/> as that basis defines them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The basis is unknown, a count is negative or the numerator exceeds the denominator.</exception>
    public static ReferralRate Rate(ReferralBasis basis, long numerator, long denominator, double z = 1.96) => basis switch
    {
        ReferralBasis.Acquisition => Acquisition(numerator, denominator, z),
        ReferralBasis.Advocacy => Advocacy(numerator, denominator, z),
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown referral basis."),
    };
}
