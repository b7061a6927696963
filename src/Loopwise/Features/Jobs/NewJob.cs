using System.Text.Json;

namespace Loopwise.Features.Jobs;

/// <summary>
/// A job to enqueue with <see cref="JobQueue"/>: its <paramref name="Kind"/> (which <see cref="IJobHandler"/> runs it)
/// and its <paramref name="Payload"/> (JSON text; <see cref="Of{T}"/> serialises one).
/// </summary>
public sealed record NewJob(string Kind, string Payload)
{
    /// <summary>Payloads are JSON with the web defaults (camelCase), as <see cref="JobContext.ReadPayload{T}"/> reads them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The workspace the handler acts in (its <see cref="Data.WorkspaceScope"/> is set to it); null for a system job.</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>
    /// Optional key, unique per kind: enqueueing a key that is already there (in any status, until the succeeded job is
    /// purged after the retention period) stores nothing. Typically the id of what the job is about, e.g. a response id.
    /// </summary>
    public string? DedupeKey { get; init; }

    /// <summary>Not before this instant (UTC); null means now.</summary>
    public DateTime? RunAt { get; init; }

    /// <summary>Attempts before the job is dead; null means <see cref="JobOptions.MaxAttempts"/>.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>A job whose payload is <paramref name="payload"/> serialised with <see cref="Json"/>.</summary>
    public static NewJob Of<T>(string kind, T payload, Guid? workspaceId = null, string? dedupeKey = null) =>
        new(kind, JsonSerializer.Serialize(payload, Json)) { WorkspaceId = workspaceId, DedupeKey = dedupeKey };
}
