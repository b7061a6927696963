using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class StudentTTests
{
    // Printed t-table values (two-sided 95%): cx-reference.md §2 needs t(199) for the CSAT mean CI.
    [Theory]
    [InlineData(1.0, 12.706)]
    [InlineData(10.0, 2.228)]
    [InlineData(199.0, 1.972)]
    [InlineData(30.0, 2.042)]
    public void InverseCdf_at_0_975_matches_the_t_table(double df, double expected)
    {
        Assert.Equal(expected, Math.Round(StudentT.InverseCdf(0.975, df), 3));
    }

    // Reference values: mpmath root of the regularized incomplete beta at 30 digits.
    [Theory]
    [InlineData(0.975, 1.0, 12.706204736174693)]
    [InlineData(0.975, 2.0, 4.3026527297494618)]
    [InlineData(0.975, 10.0, 2.2281388519862742)]
    [InlineData(0.975, 199.0, 1.9719565442517534)]
    [InlineData(0.995, 3.0, 5.8409093097333554)]
    [InlineData(0.9, 5.0, 1.4758840488244813)]
    [InlineData(0.999, 4.0, 7.1731822197823068)]
    [InlineData(0.6, 7.0, 0.26316686135202275)]
    [InlineData(0.025, 3.0, -3.1824463052837095)]
    [InlineData(0.975, 2.5, 3.5746548420036818)]
    [InlineData(0.975, 0.5, 164.55767348048824)]
    [InlineData(0.975, 1000.0, 1.9623390808264081)]
    [InlineData(0.9995, 1.0, 636.61924876878973)]
    public void InverseCdf_is_accurate_to_1e_6_relative(double p, double df, double expected)
    {
        var actual = StudentT.InverseCdf(p, df);

        Assert.Equal(1.0, actual / expected, 1e-6);
    }

    [Fact]
    public void InverseCdf_approaches_the_normal_quantile_for_huge_df()
    {
        Assert.Equal(1.959964, StudentT.InverseCdf(0.975, 1e9), 1e-6);
    }

    [Fact]
    public void Cdf_inverts_InverseCdf()
    {
        foreach (var df in new[] { 1.0, 3.0, 7.5, 29.0, 500.0 })
        {
            foreach (var p in new[] { 0.001, 0.05, 0.3, 0.7, 0.975, 0.9999 })
            {
                Assert.Equal(p, StudentT.Cdf(StudentT.InverseCdf(p, df), df), 1e-12);
            }
        }
    }

    [Fact]
    public void Cdf_of_one_df_is_the_cauchy_distribution()
    {
        // Cauchy: F(1) = 1/2 + atan(1)/π = 0.75.
        Assert.Equal(0.75, StudentT.Cdf(1.0, 1.0), 1e-14);
    }

    [Fact]
    public void InverseCdf_rejects_non_positive_df()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.InverseCdf(0.975, 0.0));
    }
}
