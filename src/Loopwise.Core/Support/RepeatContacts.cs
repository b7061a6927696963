namespace Loopwise.Core.Support;

/// <summary>One ticket of an issue (same customer, same issue key), as <see cref="RepeatContacts.Link"/> reads it.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="CreatedAt">Its creation.</param>
/// <param name="HasCustomerContact">Whether the customer reached out on it (see <see cref="TicketFacts.HasCustomerContact"/>).</param>
/// <param name="CustomerReturnAt">The customer's first public message after the ticket's first solve, if any.</param>
public sealed record IssueContact(Guid TicketId, DateTime CreatedAt, bool HasCustomerContact, DateTime? CustomerReturnAt);

/// <summary>Whether a ticket is a first contact, and its first repeat contact within W.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="IsFirstContact">True when the customer reached out and the ticket is not itself a repeat of an earlier ticket of the issue.</param>
/// <param name="RepeatAt">The first repeat inbound contact within [created, created + W], or null.</param>
public sealed record RepeatLink(Guid TicketId, bool IsFirstContact, DateTime? RepeatAt);

/// <summary>
/// Links the tickets of one issue for repeat-contact FCR (cx-reference.md §4). A repeat of ticket T is a further
/// inbound contact from the same customer on the same issue within W days of T's creation: a later ticket of the issue
/// on which the customer reached out (at its creation time), or the customer writing again on T after it was solved.
/// Outbound tickets the company starts (agent-created, the customer never wrote) are not repeats. A ticket whose
/// creation lies within W after an earlier customer ticket of the issue is a repeat, not a first contact.
/// Ties in creation time are ordered by ticket id.
/// </summary>
public static class RepeatContacts
{
    /// <summary>Links the tickets of one issue; without an issue key, call it with the single ticket.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is less than 1.</exception>
    public static IReadOnlyList<RepeatLink> Link(IReadOnlyList<IssueContact> tickets, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var ordered = tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.TicketId).ToList();
        var links = new List<RepeatLink>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var t = ordered[i];
            var closes = t.CreatedAt.AddDays(windowDays);
            var isRepeat = false;
            for (var j = 0; j < i && !isRepeat; j++)
            {
                isRepeat = ordered[j].HasCustomerContact && ordered[j].CreatedAt.AddDays(windowDays) >= t.CreatedAt;
            }

            DateTime? repeatAt = t.CustomerReturnAt is { } back && back <= closes ? back : null;
            for (var k = i + 1; k < ordered.Count; k++)
            {
                var later = ordered[k];
                if (later.CreatedAt > closes)
                {
                    break;
                }

                if (later.HasCustomerContact)
                {
                    repeatAt = repeatAt is { } r && r <= later.CreatedAt ? r : later.CreatedAt;
                    break;
                }
            }

            links.Add(new RepeatLink(t.TicketId, t.HasCustomerContact && !isRepeat, repeatAt));
        }

        return links;
    }
}
