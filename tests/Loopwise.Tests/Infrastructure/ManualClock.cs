namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when a test says so (<see cref="Advance"/>, <see cref="Set"/>).
/// Timers and delays still run on real time (the base implementation): tests that use it drive their workers by hand.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_lock)
        {
            _now = now;
        }
    }
}
