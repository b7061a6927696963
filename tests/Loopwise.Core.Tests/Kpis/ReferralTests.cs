using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class ReferralTests
{
    // cx-reference.md §3 (a): 30 of 200 new customers came via referral → 15%.
    [Fact]
    public void Acquisition_basis_is_referred_new_customers_over_all_new_customers()
    {
        var rate = Referral.Acquisition(newViaReferral: 30, allNew: 200);

        Assert.Equal(ReferralBasis.Acquisition, rate.Basis);
        Assert.Equal(0.15, rate.Value);
        Assert.Equal(Proportion.Wilson(30, 200), rate.Estimate.Interval);
    }

    // cx-reference.md §3 (b): 45 of 900 active customers referred someone → 5%.
    [Fact]
    public void Advocacy_basis_is_referring_customers_over_active_customers()
    {
        var rate = Referral.Advocacy(customersWhoReferred: 45, activeCustomers: 900);

        Assert.Equal(ReferralBasis.Advocacy, rate.Basis);
        Assert.Equal(0.05, rate.Value);
    }

    [Fact]
    public void Rate_with_an_explicit_basis_matches_the_named_functions()
    {
        Assert.Equal(Referral.Advocacy(45, 900), Referral.Rate(ReferralBasis.Advocacy, 45, 900));
        Assert.Equal(Referral.Acquisition(30, 200), Referral.Rate(ReferralBasis.Acquisition, 30, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => Referral.Rate((ReferralBasis)9, 1, 2));
    }

    [Fact]
    public void Referral_rate_with_a_denominator_of_0_is_null()
    {
        var rate = Referral.Acquisition(0, 0);

        Assert.Null(rate.Value);
        Assert.Null(rate.Estimate.Interval);
    }

    [Fact]
    public void More_referred_than_eligible_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Referral.Advocacy(10, 9));
    }
}
