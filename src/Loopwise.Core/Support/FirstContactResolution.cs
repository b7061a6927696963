using Loopwise.Core.Metrics;

namespace Loopwise.Core.Support;

/// <summary>
/// First contact resolution, FCR = issues resolved at the first contact / issues with a first contact in the period
/// (cx-reference.md §4), in its three variants. Each function classifies one issue; <see cref="Rate"/> aggregates.
/// The variant must be shown in the metric label.
/// </summary>
public static class FirstContactResolution
{
    /// <summary>Our default repeat-contact window W, in days.</summary>
    public const int DefaultWindowDays = 7;

    /// <summary>
    /// Agent- or system-flagged: resolved when the agent ticked "resolved", with no transfer and no follow-up (no
    /// reopen). Optimistic; audit monthly.
    /// </summary>
    public static FcrOutcome AgentFlagged(bool flagged, bool transferred, int reopenCount) =>
        flagged && !transferred && reopenCount == 0 ? FcrOutcome.Resolved : FcrOutcome.NotResolved;

    /// <summary>Customer-reported: the answer to "Was your issue resolved?"; no answer means the issue is not covered.</summary>
    public static FcrOutcome CustomerReported(bool? resolvedAnswer) => resolvedAnswer switch
    {
        true => FcrOutcome.Resolved,
        false => FcrOutcome.NotResolved,
        null => FcrOutcome.NotApplicable,
    };

    /// <summary>
    /// Repeat-contact: resolved when no further inbound contact from the same customer on the same issue came within
    /// W days of the first contact's ticket creation (the window is [created, created + W], both ends included).
    /// Pending, and so excluded from the denominator, while the window is open at <paramref name="asOf"/>
    /// (asOf &lt; created + W), even when a repeat already came.
    /// </summary>
    /// <param name="createdAt">Creation of the first contact's ticket.</param>
    /// <param name="repeatAt">The first repeat inbound contact, if any (see <see cref="RepeatContacts"/>).</param>
    /// <param name="windowDays">W, at least 1.</param>
    /// <param name="asOf">When the question is asked.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is less than 1.</exception>
    public static FcrOutcome RepeatContact(DateTime createdAt, DateTime? repeatAt, int windowDays, DateTime asOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var closes = createdAt.AddDays(windowDays);
        if (asOf < closes)
        {
            return FcrOutcome.Pending;
        }

        return repeatAt is { } at && at <= closes ? FcrOutcome.NotResolved : FcrOutcome.Resolved;
    }

    /// <summary>
    /// For day rollups: true when every window of tickets created on the UTC <paramref name="day"/> has closed at
    /// <paramref name="asOf"/> (the day's end + W ≤ asOf). Readers of rollups report repeat-contact FCR for settled days
    /// only; a raw recount of the same question applies the same rule.
    /// </summary>
    public static bool DayIsSettled(DateOnly day, int windowDays, DateTime asOf) =>
        day.AddDays(1 + windowDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= asOf;

    /// <summary>Resolved over resolved plus not resolved; pending and not-applicable issues are left out.</summary>
    public static Rate Rate(IEnumerable<FcrOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        long resolved = 0;
        long decided = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome is FcrOutcome.Resolved or FcrOutcome.NotResolved)
            {
                decided++;
                resolved += outcome == FcrOutcome.Resolved ? 1 : 0;
            }
        }

        return new Rate(resolved, decided);
    }
}
