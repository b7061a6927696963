namespace Loopwise.Features.Commerce;

/// <summary>A batch of facts: <c>{"items": [...]}</c>, up to 10 000 items, stored all or none.</summary>
public sealed record FactBatch<T>(IReadOnlyList<T>? Items);

/// <summary>What a batch stored: new facts, and changes of stored ones (customer updates, cancellations, conversions).</summary>
public sealed record IngestOutcome(int Received, int Created, int Updated);

/// <summary>A customer to create or update, by the workspace's external id; absent fields keep their stored value.</summary>
/// <remarks>
/// Attributes: those to set (a null value removes the attribute); others are kept. AcquisitionSource: referral,
/// paid, organic... (free text, stored lower case).
/// </remarks>
public sealed record CustomerInput(
    string? ExternalId,
    string? Email = null,
    string? Name = null,
    string? Language = null,
    IReadOnlyDictionary<string, string?>? Attributes = null,
    DateTime? AcquiredAt = null,
    string? AcquisitionSource = null,
    string? ReferrerExternalId = null);

/// <summary>An order. Amounts are in minor units (cents) of an ISO 4217 currency; negative for a refund.</summary>
public sealed record OrderInput(
    string? ExternalId,
    string? CustomerExternalId,
    DateTime? OrderedAt,
    long? AmountMinor,
    string? Currency,
    string? Channel = null,
    string? TouchpointKey = null);

/// <summary>
/// A subscription in its current state. Sending a stored subscription again with <see cref="CancelledAt"/> set
/// records its cancellation; other fields of a stored subscription cannot change (a plan change is a new subscription).
/// </summary>
public sealed record SubscriptionInput(
    string? ExternalId,
    string? CustomerExternalId,
    string? Plan,
    DateTime? StartedAt,
    long? MrrMinor,
    string? Currency,
    DateTime? CancelledAt = null);

/// <summary>A referral; sending a stored one again with <see cref="ConvertedAt"/> set records its conversion.</summary>
public sealed record ReferralInput(
    string? ReferrerExternalId,
    string? ReferredExternalId,
    DateTime? ReferredAt,
    DateTime? ConvertedAt = null);

/// <summary>
/// A session reaching a state (<c>started</c>, <c>completed</c> or <c>abandoned</c>) of a journey step: one fact per
/// session, step and state. The state is text so that a wrong one is reported at its field path.
/// </summary>
public sealed record JourneyStepInput(
    string? Journey,
    string? Step,
    string? SessionId,
    string? State,
    DateTime? At,
    string? CustomerExternalId = null,
    string? TouchpointKey = null);

/// <summary>A stored customer.</summary>
public sealed record CustomerDto(
    string ExternalId,
    string? Email,
    string? Name,
    string? Language,
    IReadOnlyDictionary<string, string?> Attributes,
    DateTime? AcquiredAt,
    string? AcquisitionSource,
    string? ReferrerExternalId,
    DateTime CreatedAt,
    DateTime? UnsubscribedAt);

/// <summary>One recorded attribute change of a customer.</summary>
public sealed record AttributeChangeDto(string Attribute, string? OldValue, string? NewValue, DateTime ChangedAt);

/// <summary>An explicit journey: its name and step keys in funnel order.</summary>
public sealed record JourneyInput(string? Name, IReadOnlyList<string>? Steps);

/// <summary>A journey definition as stored.</summary>
public sealed record JourneyDto(string Key, string Name, IReadOnlyList<string> Steps);
