using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class StudentTGridTests
{
    [Fact]
    public void InverseCdf_round_trips_through_the_lower_tail_on_a_wide_grid()
    {
        double[] dfs = [0.3, 0.9, 1.0, 1.5, 2.0, 3.0, 4.7, 9.0, 29.0, 99.0, 1_000.0, 20_000.0, 99_999.0, 2e5, 5e6];
        double[] ps = [1e-12, 1e-8, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.49];
        foreach (var df in dfs)
        {
            foreach (var p in ps)
            {
                var t = StudentT.InverseCdf(p, df);

                Assert.True(t < 0.0, $"df={df} p={p} t={t}");
                Assert.Equal(1.0, StudentT.Cdf(t, df) / p, 1e-6);
                Assert.Equal(-t, StudentT.InverseCdf(1.0 - p, df), Math.Abs(t) * 1e-4);
            }
        }
    }
}
