using System.Globalization;

namespace Loopwise.Core.Surveys;

/// <summary>Contact limits that apply to a person (cx-reference.md §9).</summary>
/// <param name="QuarantineDays">
/// Minimum whole days between two invitations to the same person; 0 disables the quarantine.
/// </param>
public sealed record ContactPolicy(int QuarantineDays = ContactPolicy.DefaultQuarantineDays)
{
    /// <summary>Global quarantine after any invitation: the workspace default (cx-reference.md §9).</summary>
    public const int DefaultQuarantineDays = 30;

    /// <summary>Quarantine for relational NPS (cx-reference.md §9).</summary>
    public const int RelationalNpsQuarantineDays = 90;
}

/// <summary>What is known about a person when deciding whether to invite them.</summary>
/// <param name="LastInvitationUtc">When the person was last invited to any survey (UTC), or null if never.</param>
/// <param name="Unsubscribed">The person opted out of surveys.</param>
/// <param name="HasOpenCase">The person has an open complaint or case.</param>
public sealed record ContactHistory(DateTime? LastInvitationUtc, bool Unsubscribed, bool HasOpenCase);

/// <summary>Outcome of <see cref="ContactRules.Evaluate"/>.</summary>
/// <param name="Allowed">True when the person may be invited now.</param>
/// <param name="Reason">Why not, when not allowed; callers log it with the suppression.</param>
public sealed record ContactDecision(bool Allowed, string? Reason)
{
    /// <summary>The person may be contacted.</summary>
    public static ContactDecision Allow { get; } = new(true, null);
}

/// <summary>Decides whether a person may be sent a survey invitation now (cx-reference.md §9).</summary>
public static class ContactRules
{
    /// <summary>
    /// Suppresses unsubscribed people, people with an open case, and people invited less than
    /// <see cref="ContactPolicy.QuarantineDays"/> days before <paramref name="nowUtc"/>. Exactly
    /// <c>QuarantineDays</c> days after the last invitation, contact is allowed again.
    /// </summary>
    /// <exception cref="ArgumentException">A time is local rather than UTC, or the quarantine is negative.</exception>
    public static ContactDecision Evaluate(ContactPolicy policy, ContactHistory history, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(policy.QuarantineDays, nameof(policy));
        RequireUtc(nowUtc, nameof(nowUtc));

        if (history.Unsubscribed)
        {
            return new(false, "unsubscribed: the person opted out of surveys");
        }

        if (history.HasOpenCase)
        {
            return new(false, "open_case: the person has an open complaint or case");
        }

        if (history.LastInvitationUtc is { } last && policy.QuarantineDays > 0)
        {
            RequireUtc(last, nameof(history));
            var until = last.AddDays(policy.QuarantineDays);
            if (nowUtc < until)
            {
                return new(false, string.Create(
                    CultureInfo.InvariantCulture,
                    $"quarantine: last invited {last:yyyy-MM-ddTHH:mm:ssZ}, {policy.QuarantineDays}-day quarantine lasts until {until:yyyy-MM-ddTHH:mm:ssZ}"));
            }
        }

        return ContactDecision.Allow;
    }

    private static void RequireUtc(DateTime time, string parameter)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Contact rules work on UTC times; got a local time.", parameter);
        }
    }
}
