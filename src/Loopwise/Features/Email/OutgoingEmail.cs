namespace Loopwise.Features.Email;

/// <summary>
/// An e-mail to queue with <see cref="EmailOutbox.Add"/>: to whom, what, and why. <see cref="UnsubscribeToken"/> and
/// <see cref="UnsubscribeUrl"/> come together (<see cref="EmailOutbox.NewUnsubscribeToken"/> and
/// <see cref="EmailOutbox.UnsubscribeUrl"/>) for messages a customer may opt out of.
/// </summary>
public sealed record OutgoingEmail(Guid WorkspaceId, string Purpose, string ToAddress, string? ToName, string Subject, string Text, string? Html)
{
    public Guid? CustomerId { get; init; }

    public Guid? RelatedId { get; init; }

    public string? UnsubscribeToken { get; init; }

    public string? UnsubscribeUrl { get; init; }
}
