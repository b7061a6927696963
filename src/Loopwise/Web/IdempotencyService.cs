using System.Text.Json;
using Loopwise.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loopwise.Web;

/// <summary>
/// Idempotency keys for API writes (architecture.md: "idempotency keys on writes"). A write runs at most once per
/// key and workspace: its outcome is stored as an <see cref="IdempotencyRecord"/> in the same transaction as the
/// write, a retry with the same key and body replays that outcome (header <c>Idempotent-Replayed: true</c>), and the
/// same key with a different body is refused with 422. Two concurrent retries race on the record's primary key: the
/// loser's transaction rolls back and it replays the winner's outcome. Only successful outcomes are recorded, so a
/// refused request can be corrected and resent under the same key.
/// </summary>
public sealed class IdempotencyService(LoopwiseDbContext db, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>
    /// Runs <paramref name="write"/> under the body's key (or without one when none was sent and none is required).
    /// The write must call <see cref="IdempotentWrite.RecordAsync{T}"/> inside its transaction before it commits.
    /// </summary>
    public async Task<IResult> RunAsync<TBody>(
        Guid workspaceId,
        IdempotentBody<TBody> body,
        bool keyRequired,
        Func<TBody, IdempotentWrite?, Task<IResult>> write,
        CancellationToken ct)
        where TBody : class
    {
        if (body.Key is null && keyRequired)
        {
            return Error.Invalid.Field(KeyHeader, $"Send an {KeyHeader} header (any unique string up to {MaxKeyLength} characters) so a retry cannot store twice.").ToProblem();
        }

        if (body.Key is { Length: > MaxKeyLength })
        {
            return Error.Invalid.Field(KeyHeader, $"The key is longer than {MaxKeyLength} characters.").ToProblem();
        }

        if (body.Key is null)
        {
            return body.Value is null ? Unreadable(body) : await write(body.Value, null);
        }

        if (await ReplayAsync(body, ct) is { } earlier)
        {
            return earlier;
        }

        if (body.Value is null)
        {
            return Unreadable(body);
        }

        try
        {
            return await write(body.Value, new IdempotentWrite(this, workspaceId, body.Key, body.Hash));
        }
        catch (Exception ex) when (IsKeyCollision(ex))
        {
            // A concurrent request with the same key committed first; our transaction is rolled back.
            db.ChangeTracker.Clear();
            return await ReplayAsync(body, ct)
                ?? throw new InvalidOperationException("The idempotency record that collided is gone.", ex);
        }
    }

    private async Task<IResult?> ReplayAsync<TBody>(IdempotentBody<TBody> body, CancellationToken ct)
        where TBody : class
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == body.Key, ct);
        if (record is null)
        {
            return null;
        }

        return record.RequestHash.AsSpan().SequenceEqual(body.Hash)
            ? new IdempotentReplay(record.StatusCode, record.ResponseJson)
            : TypedResults.Problem(
                $"The {KeyHeader} '{body.Key}' was already used for a different request. Use a new key for a new request.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency key reused");
    }

    internal async Task RecordAsync<T>(Guid workspaceId, string key, byte[] hash, int status, T response, CancellationToken ct)
    {
        db.Add(new IdempotencyRecord
        {
            WorkspaceId = workspaceId,
            Key = key,
            RequestHash = hash,
            StatusCode = status,
            ResponseJson = JsonSerializer.Serialize(response, json.Value.SerializerOptions),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>True when <paramref name="ex"/> is the unique violation of an idempotency record's primary key.</summary>
    public static bool IsKeyCollision(Exception? ex) => ex switch
    {
        null => false,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "pk_idempotency_records",
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("idempotency_records.", StringComparison.Ordinal),
        _ => IsKeyCollision(ex.InnerException),
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unreadable<TBody>(IdempotentBody<TBody> body)
        where TBody : class =>
        TypedResults.Problem(body.ReadError, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable request body");
}

/// <summary>Handed to a write that runs under an idempotency key: record the outcome inside the write's transaction.</summary>
public sealed class IdempotentWrite
{
    private readonly IdempotencyService _service;
    private readonly Guid _workspaceId;
    private readonly string _key;
    private readonly byte[] _hash;

    internal IdempotentWrite(IdempotencyService service, Guid workspaceId, string key, byte[] hash)
    {
        _service = service;
        _workspaceId = workspaceId;
        _key = key;
        _hash = hash;
    }

    public string Key => _key;

    /// <summary>Stores the outcome (status and JSON body) that retries will replay. Call it inside the write's transaction.</summary>
    public Task RecordAsync<T>(int status, T response, CancellationToken ct) =>
        _service.RecordAsync(_workspaceId, _key, _hash, status, response, ct);
}

/// <summary>A stored outcome sent again: same status and body, plus <c>Idempotent-Replayed: true</c>.</summary>
public sealed class IdempotentReplay(int statusCode, string json) : IResult
{
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.Headers[IdempotencyService.ReplayedHeader] = "true";
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
    }
}
