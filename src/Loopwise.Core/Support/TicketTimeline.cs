namespace Loopwise.Core.Support;

/// <summary>
/// Derives a ticket's first response time and summary from its events (cx-reference.md §4).
/// <list type="bullet">
/// <item>FRT = t(first public reply by a human agent) − t(clock start). Bot and system (auto-reply) messages and private
/// notes do not stop the clock; neither do inbound messages.</item>
/// <item>A customer-created ticket's clock starts at its creation.</item>
/// <item><b>Agent-created tickets (our rule):</b> the clock starts at the ticket's first public customer message, and
/// the FRT ends at the first public human reply after that message. An agent-created ticket in which the customer never
/// writes has no clock: no FRT, and it is not among the tickets "whose clock started" for SLA attainment. (The customer
/// was not waiting for anything; Zendesk's alternative, the next public agent comment after creation, would time the
/// agent's own follow-up.)</item>
/// <item>Calendar FRT is in whole seconds (truncated); business FRT is <see cref="BusinessCalendar.BusinessDuration"/>.</item>
/// <item>A reopen is a change from solved to any status other than closed (an explicit "reopened" status included),
/// counted once per solve.</item>
/// </list>
/// </summary>
public static class TicketTimeline
{
    /// <summary>
    /// Reads <paramref name="events"/>, in the order they happened (by time, then arrival), which must contain exactly one
    /// <see cref="TimelineEventKind.Created"/> event.
    /// </summary>
    /// <exception cref="ArgumentException">There is no created event, or more than one.</exception>
    public static TicketFacts Derive(IReadOnlyList<TimelineEvent> events, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calendar);
        var created = events.Where(e => e.Kind == TimelineEventKind.Created).ToList();
        if (created.Count != 1)
        {
            throw new ArgumentException($"A ticket timeline has exactly one created event; this one has {created.Count}.", nameof(events));
        }

        var origin = created[0].Origin;
        var createdAt = created[0].At;
        DateTime? clockStart = origin == TicketOrigin.Customer ? createdAt : null;
        DateTime? firstResponse = null;
        DateTime? solvedAt = null;
        DateTime? returnAt = null;
        var solved = false;
        var everSolved = false;
        var reopens = 0;
        var inbound = 0;
        var transferred = false;
        var flagged = false;

        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case TimelineEventKind.Message when e.Direction == MessageDirection.Inbound && e.IsPublic:
                    inbound++;
                    clockStart ??= e.At;
                    if (everSolved && returnAt is null)
                    {
                        returnAt = e.At;
                    }

                    break;
                case TimelineEventKind.Message when e.Direction == MessageDirection.Outbound && e.IsPublic && e.Author == MessageAuthor.Human:
                    if (clockStart is { } start && firstResponse is null && e.At >= start)
                    {
                        firstResponse = e.At;
                    }

                    break;
                case TimelineEventKind.Status:
                    if (e.Status is TicketStatus.Solved or TicketStatus.Closed)
                    {
                        solvedAt ??= e.At;
                        solved = true;
                        everSolved = true;
                    }
                    else if (solved || e.Status == TicketStatus.Reopened)
                    {
                        reopens++;
                        solved = false;
                    }

                    break;
                case TimelineEventKind.Transferred:
                    transferred = true;
                    break;
                case TimelineEventKind.ResolvedFlag:
                    flagged = e.Flag;
                    break;
            }
        }

        long? frt = null;
        long? business = null;
        if (clockStart is { } s && firstResponse is { } r)
        {
            frt = (r - s).Ticks / TimeSpan.TicksPerSecond;
            business = calendar.BusinessDuration(s, r);
        }

        var contacts = origin == TicketOrigin.Customer ? Math.Max(1, inbound) : inbound;
        return new TicketFacts(createdAt, origin, clockStart, firstResponse, frt, business, solvedAt, reopens, contacts, transferred, flagged, returnAt);
    }
}
