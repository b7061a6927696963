using System.Globalization;
using Loopwise.Core.Cases;

namespace Loopwise.Features.Cases;

/// <summary>
/// Words for the case pages: states, priorities, SLA statuses and due times as people say them ("due in 2 h",
/// "breached 3 h ago"), and the categories the resolve form offers. Colour is never the only signal: every status
/// badge carries one of these words.
/// </summary>
public static class CaseFormat
{
    /// <summary>The root-cause categories the resolve form offers (common CX causes); "Other" asks for a name.</summary>
    public static IReadOnlyList<string> RootCauses { get; } =
    [
        "Product defect", "Billing error", "Delivery delay", "Staff behaviour", "Policy", "Process gap", "Communication",
        "Expectation mismatch", "Website/app issue",
    ];

    /// <summary>The select value that asks for a root cause typed by hand.</summary>
    public const string OtherRootCause = "Other";

    /// <summary>What was done for the customer.</summary>
    public static IReadOnlyList<string> ResolutionCodes { get; } =
        ["Fixed", "Refunded", "Replaced", "Explained", "Goodwill gesture", "No action possible"];

    /// <summary>Contact channels, as the service names them, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Channels { get; } =
        [("phone", "Phone call"), ("email", "E-mail"), ("sms", "Text message"), ("chat", "Chat"), ("in_person", "In person")];

    /// <summary>Contact outcomes, as the service names them, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Outcomes { get; } =
        [("reached", "Reached the customer"), ("no_answer", "No answer"), ("left_message", "Left a message")];

    /// <summary>The reasons an open case may be closed without a resolution.</summary>
    public static IReadOnlyList<(CaseCloseReason Value, string Label)> CloseReasons { get; } =
        [(CaseCloseReason.NoAction, "No action needed"), (CaseCloseReason.Duplicate, "Duplicate of another case"), (CaseCloseReason.Unreachable, "Customer unreachable")];

    public static string State(CaseState state) => state switch
    {
        CaseState.New => "New",
        CaseState.Assigned => "Assigned",
        CaseState.InProgress => "In progress",
        CaseState.WaitingOnCustomer => "Waiting on customer",
        CaseState.Escalated => "Escalated",
        CaseState.Resolved => "Resolved",
        CaseState.Reopened => "Reopened",
        CaseState.Closed => "Closed",
        _ => state.ToString(),
    };

    public static string Priority(CasePriority priority) => priority switch
    {
        CasePriority.Low => "Low priority",
        CasePriority.Normal => "Normal priority",
        CasePriority.High => "High priority",
        CasePriority.Urgent => "Urgent",
        _ => priority.ToString(),
    };

    public static string Sla(SlaStatus status) => status switch
    {
        SlaStatus.OnTrack => "On track",
        SlaStatus.AtRisk => "At risk",
        SlaStatus.Breached => "Breached",
        SlaStatus.Met => "Met",
        _ => status.ToString(),
    };

    /// <summary>The badge class of an SLA status (the shapes of <c>.badge</c> differ too, not only the colours).</summary>
    public static string SlaBadge(SlaStatus status) => status switch
    {
        SlaStatus.Breached => "badge action",
        SlaStatus.AtRisk => "badge watch",
        SlaStatus.Met => "badge good",
        _ => "badge low-base",
    };

    public static string Action(CaseAction action) => action switch
    {
        CaseAction.Assign => "Assigned",
        CaseAction.Acknowledge => "Acknowledged",
        CaseAction.ContactCustomer => "Customer contacted",
        CaseAction.WaitOnCustomer => "Waiting on the customer",
        CaseAction.CustomerReplied => "Customer replied",
        CaseAction.Escalate => "Escalated",
        CaseAction.Resolve => "Resolved",
        CaseAction.Reopen => "Reopened",
        CaseAction.Close => "Closed",
        _ => action.ToString(),
    };

    public static string Channel(string? channel) => Channels.Where(c => c.Value == channel).Select(c => c.Label).FirstOrDefault() ?? channel ?? "Contact";

    public static string Outcome(string? outcome) => Outcomes.Where(o => o.Value == outcome).Select(o => o.Label).FirstOrDefault() ?? outcome ?? "";

    /// <summary>The nearer of a case's two due times, with the clock it belongs to; null when no clock is due.</summary>
    public static (string Clock, DateTime At)? NearestDue(CaseDto c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (c.FirstResponseDueAt, c.ResolutionDueAt) switch
        {
            ({ } first, { } resolution) => first <= resolution ? ("First response", first) : ("Resolution", resolution),
            ({ } first, null) => ("First response", first),
            (null, { } resolution) => ("Resolution", resolution),
            _ => null,
        };
    }

    /// <summary>
    /// The status to show: the row's cached status, or Breached when its nearest due time has passed although the
    /// SLA check has not run yet.
    /// </summary>
    public static SlaStatus Status(CaseDto c, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return NearestDue(c) is { } due && due.At <= now ? SlaStatus.Breached : c.SlaStatus;
    }

    /// <summary>"due in 2 h", "due in 35 min", "due in 3 days", or "breached 3 h ago" once <paramref name="due"/> has passed.</summary>
    public static string Relative(DateTime due, DateTime now) =>
        due > now ? "due in " + Span(due - now) : "breached " + Span(now - due) + " ago";

    /// <summary>A span rounded for reading: minutes under an hour, hours under two days, then days.</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromHours(1))
        {
            var minutes = Math.Max(1, (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero));
            return minutes.ToString(CultureInfo.InvariantCulture) + " min";
        }

        if (span < TimeSpan.FromHours(48))
        {
            return ((int)Math.Round(span.TotalHours, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + " h";
        }

        return ((int)Math.Round(span.TotalDays, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + " days";
    }

    /// <summary>The machine-readable value of a <c>time</c> element (UTC, ISO 8601).</summary>
    public static string Iso(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"7 Dec 2026, 17:00 UTC".</summary>
    public static string Utc(DateTime at) => at.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Working hours, with at most one decimal ("2.5").</summary>
    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
