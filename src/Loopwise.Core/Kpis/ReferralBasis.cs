namespace Loopwise.Core.Kpis;

/// <summary>
/// Which of the two referral-rate definitions in use a figure follows (cx-reference.md §3, "Referral rate") [18].
/// Both need referral attribution on the customer record (acquisitionSource = referral, referrerId).
/// </summary>
public enum ReferralBasis
{
    /// <summary>New customers acquired via referral / all new customers in the period.</summary>
    Acquisition,

    /// <summary>Customers who referred at least one other / active customers.</summary>
    Advocacy,
}
