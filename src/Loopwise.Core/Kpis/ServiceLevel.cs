using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>Where one ticket stands against a first-response target (cx-reference.md §4, SLA attainment).</summary>
public enum ServiceLevelOutcome
{
    /// <summary>Replied with FRT ≤ target.</summary>
    Met,

    /// <summary>Replied with FRT &gt; target: a breach.</summary>
    RepliedLate,

    /// <summary>No reply yet and the clock is past the target: a breach ("otherwise the average rewards ignoring tickets").</summary>
    UnrepliedBreach,

    /// <summary>No reply yet and the clock is not past the target: not decided, left out of the rate.</summary>
    Pending,
}

/// <summary>
/// SLA attainment (cx-reference.md §4): <c>tickets with FRT ≤ target / tickets whose clock started</c>, using the same
/// business-hours rules as FRT (the caller measures the durations on the configured clock). Tickets with no reply yet
/// count as breaches once past the target. Our rule for unreplied tickets still within the target: they are
/// <see cref="ServiceLevelOutcome.Pending"/> and excluded from numerator and denominator, as pending FCR issues are,
/// because they can still meet it. The rate carries a Wilson interval and shows its numerator and denominator.
/// </summary>
public sealed record ServiceLevel
{
    private ServiceLevel(long met, long repliedLate, long unrepliedBreaches, long pending)
    {
        Met = met;
        RepliedLate = repliedLate;
        UnrepliedBreaches = unrepliedBreaches;
        Pending = pending;
    }

    /// <summary>Tickets replied within the target (the numerator).</summary>
    public long Met { get; }

    /// <summary>Tickets replied after the target.</summary>
    public long RepliedLate { get; }

    /// <summary>Tickets with no reply that are past the target.</summary>
    public long UnrepliedBreaches { get; }

    /// <summary>Tickets with no reply that are still within the target (excluded from the rate).</summary>
    public long Pending { get; }

    /// <summary>All breaches: replied late plus unreplied past the target.</summary>
    public long Breaches => RepliedLate + UnrepliedBreaches;

    /// <summary>met / (met + breaches).</summary>
    public Rate Rate => new(Met, Met + Breaches);

    /// <summary>Attainment in 0..1, or null when no ticket is decided yet.</summary>
    public double? Value => Rate.Value;

    /// <summary>The rate with its Wilson interval, numerator and denominator.</summary>
    public ProportionEstimate Estimate(double z = 1.96) => Rate.Estimate(z);

    /// <summary>
    /// Classifies a ticket. A reply at exactly the target meets it (FRT ≤ target); an unreplied ticket is a breach
    /// only once strictly past the target.
    /// </summary>
    /// <param name="firstResponseTime">FRT on the SLA's clock, or null when there is no public human reply yet.</param>
    /// <param name="elapsed">Time on the SLA's clock since the clock started (used when there is no reply).</param>
    /// <param name="target">The first-response target.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public static ServiceLevelOutcome Classify(TimeSpan? firstResponseTime, TimeSpan elapsed, TimeSpan target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, TimeSpan.Zero);
        if (firstResponseTime is { } frt)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(frt, TimeSpan.Zero, nameof(firstResponseTime));
            return frt <= target ? ServiceLevelOutcome.Met : ServiceLevelOutcome.RepliedLate;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        return elapsed > target ? ServiceLevelOutcome.UnrepliedBreach : ServiceLevelOutcome.Pending;
    }

    /// <summary>From counts per outcome (e.g. summed rollup rows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ServiceLevel FromCounts(long met, long repliedLate, long unrepliedBreaches, long pending = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(met);
        ArgumentOutOfRangeException.ThrowIfNegative(repliedLate);
        ArgumentOutOfRangeException.ThrowIfNegative(unrepliedBreaches);
        ArgumentOutOfRangeException.ThrowIfNegative(pending);
        _ = checked(met + repliedLate + unrepliedBreaches + pending);
        return new ServiceLevel(met, repliedLate, unrepliedBreaches, pending);
    }

    /// <summary>Counts the outcomes of individual tickets (see <see cref="Classify"/>).</summary>
    public static ServiceLevel FromOutcomes(IEnumerable<ServiceLevelOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        long met = 0, late = 0, breach = 0, pending = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case ServiceLevelOutcome.Met:
                    met++;
                    break;
                case ServiceLevelOutcome.RepliedLate:
                    late++;
                    break;
                case ServiceLevelOutcome.UnrepliedBreach:
                    breach++;
                    break;
                case ServiceLevelOutcome.Pending:
                    pending++;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(outcomes), outcome, "Unknown outcome.");
            }
        }

        return new ServiceLevel(met, late, breach, pending);
    }

    /// <summary>The attainment over the union of two disjoint sets of tickets.</summary>
    public ServiceLevel Add(ServiceLevel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return FromCounts(
            checked(Met + other.Met), checked(RepliedLate + other.RepliedLate),
            checked(UnrepliedBreaches + other.UnrepliedBreaches), checked(Pending + other.Pending));
    }
}
