using Loopwise.Features.Jobs;

namespace Loopwise.Tests.Features.Jobs;

public sealed class JobBackoffTests
{
    /// <summary>
    /// Base 10 s, cap 5 min. Full delay d = min(300 s, 10 s · 2^(n−1)); with equal jitter the delay is d/2 + d/2 · unit:
    ///   n=1: d = 10 s   → unit 0: 5 s,   unit 0.5: 7.5 s
    ///   n=3: d = 40 s   → unit 0: 20 s,  unit 0.5: 30 s
    ///   n=6: d = 320 s → capped at 300 s → unit 0: 150 s, unit 0.5: 225 s
    ///   n=40: 2^39 · 10 s is far past the cap → 300 s → unit 0.5: 225 s (no overflow)
    /// </summary>
    [Theory]
    [InlineData(1, 0.0, 5.0)]
    [InlineData(1, 0.5, 7.5)]
    [InlineData(3, 0.0, 20.0)]
    [InlineData(3, 0.5, 30.0)]
    [InlineData(6, 0.0, 150.0)]
    [InlineData(6, 0.5, 225.0)]
    [InlineData(40, 0.5, 225.0)]
    public void The_delay_doubles_per_attempt_up_to_the_cap_with_half_of_it_jittered(int attempt, double unit, double seconds)
    {
        Assert.Equal(seconds, JobBackoff.Delay(attempt, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), unit).TotalSeconds, 6);
    }

    [Fact]
    public void The_largest_jitter_gives_the_full_delay_at_most()
    {
        var delay = JobBackoff.Delay(2, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), Math.BitDecrement(1.0));

        Assert.InRange(delay, TimeSpan.FromSeconds(19.999), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void An_attempt_below_1_or_a_unit_outside_0_to_1_is_refused(int attempt, double unit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobBackoff.Delay(attempt, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), unit));
    }
}
