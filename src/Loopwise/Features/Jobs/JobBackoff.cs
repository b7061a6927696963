namespace Loopwise.Features.Jobs;

/// <summary>
/// The delay before a failed job runs again: exponential (<c>base · 2^(attempt − 1)</c>, capped) with "equal jitter":
/// half of it fixed, the other half scaled by a random <c>unit</c> in [0, 1), so between half the delay and all of it. Retries of jobs that failed together
/// (a webhook receiver that was down) so spread out instead of arriving in step, and none comes sooner than half the
/// exponential delay.
/// </summary>
public static class JobBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan retryBase, TimeSpan cap, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (unit is < 0 or >= 1 || double.IsNaN(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "The jitter unit lies in [0, 1).");
        }

        // 2^30 times any sensible base is beyond any sensible cap: stop doubling there instead of overflowing.
        var full = Math.Min(cap.TotalMilliseconds, retryBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds((full / 2) + (full / 2 * unit));
    }
}
