using Loopwise.Core.Support;

namespace Loopwise.Features.Support;

/// <summary>Stored and JSON names of the support enums (snake_case), both ways.</summary>
public static class SupportNames
{
    public static IReadOnlyList<string> Kinds { get; } = ["message", "status", "transferred", "resolved_flag"];

    public static IReadOnlyList<string> Statuses { get; } = ["new", "open", "pending", "on_hold", "solved", "closed", "reopened"];

    public static IReadOnlyList<string> Authors { get; } = ["human", "bot", "system"];

    public static TicketStatus Status(string name) => name switch
    {
        "new" => TicketStatus.New,
        "open" => TicketStatus.Open,
        "pending" => TicketStatus.Pending,
        "on_hold" => TicketStatus.OnHold,
        "solved" => TicketStatus.Solved,
        "closed" => TicketStatus.Closed,
        "reopened" => TicketStatus.Reopened,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown ticket status."),
    };

    public static MessageAuthor Author(string name) => name switch
    {
        "human" => MessageAuthor.Human,
        "bot" => MessageAuthor.Bot,
        "system" => MessageAuthor.System,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown message author."),
    };
}
