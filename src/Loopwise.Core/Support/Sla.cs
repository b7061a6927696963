using Loopwise.Core.Metrics;

namespace Loopwise.Core.Support;

/// <summary>
/// First-response SLA attainment = tickets with business FRT ≤ target / tickets whose clock started
/// (cx-reference.md §4), with the same business-hours rules as FRT. A ticket with no reply yet counts as a breach once
/// its open business time passes the target; before that it is not yet decided.
/// </summary>
public static class Sla
{
    /// <summary>Our default first-response target: 4 business hours.</summary>
    public const long DefaultTargetSeconds = 4 * 3600;

    /// <summary>True when the ticket was answered within the target (business seconds).</summary>
    public static bool Met(long? frtBusinessSeconds, long targetSeconds) => frtBusinessSeconds is { } s && s <= targetSeconds;

    /// <summary>
    /// True when the ticket cannot meet the target any more: answered late, or unanswered with more than the target of
    /// business time elapsed at <paramref name="asOf"/>.
    /// </summary>
    public static bool Breached(TicketFacts ticket, BusinessCalendar calendar, long targetSeconds, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(calendar);
        if (ticket.ClockStartAt is not { } start)
        {
            return false;
        }

        return ticket.FrtBusinessSeconds is { } s ? s > targetSeconds : calendar.BusinessDuration(start, asOf) > targetSeconds;
    }

    /// <summary>Met over clock started; null value when no clock started.</summary>
    public static Rate Attainment(long met, long clockStarted) => new(met, clockStarted);
}
