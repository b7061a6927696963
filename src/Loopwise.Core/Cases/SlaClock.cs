namespace Loopwise.Core.Cases;

/// <summary>One SLA clock of a case, as derived from its state changes by <see cref="CaseSla.Compute"/>.</summary>
/// <param name="Target">The working time allowed.</param>
/// <param name="Elapsed">The working time counted so far (up to the stop, or to now).</param>
/// <param name="Running">True when the clock counts now.</param>
/// <param name="StoppedAt">When the clock stopped for good (first contact, resolution); null while it can still run.</param>
/// <param name="WarnAt">When 75 % of the target was or will be reached, if known (null while paused).</param>
/// <param name="DueAt">When the target was or will be reached, if known (null while paused or once met).</param>
/// <param name="Status">On track, at risk, breached or met.</param>
public sealed record SlaClock(TimeSpan Target, TimeSpan Elapsed, bool Running, DateTime? StoppedAt, DateTime? WarnAt, DateTime? DueAt, SlaStatus Status)
{
    /// <summary>True while neither running nor stopped: waiting on the customer.</summary>
    public bool Paused => !Running && StoppedAt is null;

    /// <summary>Elapsed as a share of the target (1 = at the target).</summary>
    public double Used => Target > TimeSpan.Zero ? Elapsed / Target : 1;
}
