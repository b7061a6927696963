using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Responses.Import;
using Loopwise.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Loopwise.Features.Commerce;

/// <summary>How an incoming fact relates to what is stored.</summary>
public enum FactChange
{
    /// <summary>New: insert it.</summary>
    Create,

    /// <summary>A stored fact's allowed change (customer update, cancellation, conversion).</summary>
    Update,

    /// <summary>Stored already with the same values: a duplicate.</summary>
    Unchanged,

    /// <summary>Stored with other values that cannot change: refused with a message.</summary>
    Conflict,
}

/// <summary>The comparison of one incoming fact with the stored ones.</summary>
public readonly record struct FactState(FactChange Change, string? Field = null, string? Message = null);

/// <summary>
/// The shared ingestion path of one fact type: check every item, compare with stored facts, then write facts and
/// rollups in one transaction (in the SQLite write turn). The API stores a batch all or none, with errors keyed by
/// <c>items[3].field</c>; the CSV import stores the good rows of each chunk and reports the others by line.
/// </summary>
public abstract class FactIngest<TInput, TFact>(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock)
    where TInput : class
    where TFact : class
{
    public const int MaxBatchSize = 10_000;

    /// <summary>How far in the future a fact's time may lie (clock skew between systems).</summary>
    protected static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    protected LoopwiseDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>Plural noun for messages ("orders").</summary>
    protected abstract string Noun { get; }

    /// <summary>The field that identifies a fact (duplicates in one batch are reported there).</summary>
    protected abstract string KeyField { get; }

    /// <summary>Loads what checking needs (touchpoints...), once per batch or chunk.</summary>
    protected virtual Task LoadAsync(IReadOnlyList<TInput> items, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Checks one item without the stored facts; null when invalid (each problem reported through fail).</summary>
    protected abstract TFact? Check(TInput item, DateTime now, Action<string, string> fail);

    protected abstract string KeyOf(TFact fact);

    /// <summary>Compares the facts with the stored ones (one state per fact, same order).</summary>
    protected abstract Task<FactState[]> CompareAsync(IReadOnlyList<TFact> facts, CancellationToken ct);

    /// <summary>Writes facts and rollups in the open transaction.</summary>
    protected abstract Task WriteAsync(Guid workspaceId, IReadOnlyList<TFact> created, IReadOnlyList<TFact> updated, int slot, CancellationToken ct);

    /// <summary>API: stores every item or none. <paramref name="beforeCommit"/> runs inside the transaction.</summary>
    public async Task<Result<IngestOutcome>> IngestAsync(
        Guid workspaceId, IReadOnlyList<TInput?> items, Func<IngestOutcome, CancellationToken, Task>? beforeCommit, CancellationToken ct)
    {
        if (items.Count > MaxBatchSize)
        {
            return Error.Invalid.Field("items", FormattableString.Invariant($"A batch holds at most {MaxBatchSize} {Noun}; this one has {items.Count}. Split it."));
        }

        if (items.Count == 0)
        {
            return Error.Invalid.Field("items", $"Send at least one item in \"items\".");
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var present = items.Where(i => i is not null).Select(i => i!).ToList();
        await LoadAsync(present, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = new List<TFact>(items.Count);
        var indexes = new List<int>(items.Count);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = FormattableString.Invariant($"items[{i}]");
            if (items[i] is not { } item)
            {
                Add(errors, prefix, "An item is required here, not null.");
                continue;
            }

            if (Check(item, now, (field, message) => Add(errors, prefix + "." + field, message)) is not { } fact)
            {
                continue;
            }

            if (!keys.TryAdd(KeyOf(fact), i))
            {
                Add(errors, prefix + "." + KeyField, FormattableString.Invariant($"Item {keys[KeyOf(fact)]} of this batch has the same {KeyField}."));
                continue;
            }

            facts.Add(fact);
            indexes.Add(i);
        }

        if (errors.Count == 0)
        {
            var states = await CompareAsync(facts, ct);
            for (var n = 0; n < facts.Count; n++)
            {
                var prefix = FormattableString.Invariant($"items[{indexes[n]}].");
                if (states[n].Change == FactChange.Unchanged)
                {
                    Add(errors, prefix + KeyField, $"This is stored already ({KeyField} '{KeyOf(facts[n])}'); nothing changes.");
                }
                else if (states[n].Change == FactChange.Conflict)
                {
                    Add(errors, prefix + (states[n].Field ?? KeyField), states[n].Message ?? "This conflicts with what is stored.");
                }
            }

            if (errors.Count == 0)
            {
                var created = facts.Where((_, n) => states[n].Change == FactChange.Create).ToList();
                var updated = facts.Where((_, n) => states[n].Change == FactChange.Update).ToList();
                var outcome = new IngestOutcome(items.Count, created.Count, updated.Count);
                try
                {
                    await StoreAsync(workspaceId, created, updated, beforeCommit is null ? null : c => beforeCommit(outcome, c), ct);
                }
                catch (FactRaceException race)
                {
                    return new Error.Conflict(race.Message + " Nothing of this request was stored.");
                }
                catch (Exception ex) when (IsUniqueViolation(ex) && !IdempotencyService.IsKeyCollision(ex))
                {
                    return new Error.Conflict($"Some of these {Noun} were stored meanwhile by another request; nothing of this request was stored.");
                }

                return outcome;
            }
        }

        var invalidItems = errors.Keys.Select(k => k.IndexOf(']', StringComparison.Ordinal) is var end and > 0 ? k[..(end + 1)] : k).Distinct(StringComparer.Ordinal).Count();
        return new Error.Invalid(
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            FormattableString.Invariant($"{invalidItems} of {items.Count} {Noun} are invalid; nothing was stored."));
    }

    /// <summary>
    /// Import: stores the good rows of one chunk in one transaction; bad rows go to <paramref name="errors"/> with
    /// their line and column, rows stored already (or repeated in the file) to <paramref name="skipped"/>.
    /// Returns the number of facts created or updated.
    /// </summary>
    public async Task<int> ImportChunkAsync(
        Guid workspaceId, IReadOnlyList<(int Line, TInput Item)> rows, List<RowError> errors, List<SkippedRow> skipped, ISet<string> seenKeys, CancellationToken ct)
    {
        await LoadAsync([.. rows.Select(r => r.Item)], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = new List<(int Line, TFact Fact)>();
        foreach (var (line, item) in rows)
        {
            var bad = false;
            var fact = Check(item, now, (field, message) =>
            {
                bad = true;
                errors.Add(new RowError(line, null, SnakeCase.From(field), message));
            });
            if (bad || fact is null)
            {
                continue;
            }

            if (!seenKeys.Add(KeyOf(fact)))
            {
                skipped.Add(new SkippedRow(line, KeyOf(fact)));
                continue;
            }

            facts.Add((line, fact));
        }

        var states = await CompareAsync([.. facts.Select(f => f.Fact)], ct);
        var created = new List<TFact>();
        var updated = new List<TFact>();
        for (var n = 0; n < facts.Count; n++)
        {
            switch (states[n].Change)
            {
                case FactChange.Create:
                    created.Add(facts[n].Fact);
                    break;
                case FactChange.Update:
                    updated.Add(facts[n].Fact);
                    break;
                case FactChange.Unchanged:
                    skipped.Add(new SkippedRow(facts[n].Line, KeyOf(facts[n].Fact)));
                    break;
                default:
                    errors.Add(new RowError(facts[n].Line, KeyOf(facts[n].Fact), SnakeCase.From(states[n].Field ?? KeyField), states[n].Message ?? "This conflicts with what is stored."));
                    break;
            }
        }

        await StoreAsync(workspaceId, created, updated, null, ct);
        return created.Count + updated.Count;
    }

    private async Task StoreAsync(Guid workspaceId, List<TFact> created, List<TFact> updated, Func<CancellationToken, Task>? beforeCommit, CancellationToken ct)
    {
        if (created.Count + updated.Count == 0 && beforeCommit is null)
        {
            return;
        }

        // Small writes on PostgreSQL spread over rollup slots (ADR 0007); bulk writes and SQLite use slot 0.
        var slot = db.IsPostgres && created.Count + updated.Count <= 4 ? RollupSlots.Random() : 0;
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await WriteAsync(workspaceId, created, updated, slot, ct);
        if (beforeCommit is not null)
        {
            await beforeCommit(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Trims <paramref name="value"/>; reports a missing or too long value.</summary>
    protected static string? Text(string? value, string field, int max, bool required, Action<string, string> fail)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            fail(field, "Required.");
        }
        else if (text is { } t && t.Length > max)
        {
            fail(field, FormattableString.Invariant($"At most {max} characters."));
            return null;
        }

        return text;
    }

    /// <summary>An ISO 4217 code (three letters), upper case.</summary>
    protected static string? Currency(string? value, string field, Action<string, string> fail)
    {
        var text = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text))
        {
            fail(field, "Required: an ISO 4217 currency code such as EUR.");
            return null;
        }

        if (text.Length != 3 || !text.All(char.IsAsciiLetterUpper))
        {
            fail(field, $"'{value}' is not an ISO 4217 currency code (three letters, such as EUR).");
            return null;
        }

        return text;
    }

    /// <summary>A UTC time that is not in the future.</summary>
    protected static DateTime? Time(DateTime? value, string field, bool required, DateTime now, Action<string, string> fail)
    {
        if (value is not { } v)
        {
            if (required)
            {
                fail(field, "Required: a UTC time such as 2026-03-01T12:00:00Z.");
            }

            return null;
        }

        var utc = v.Kind switch
        {
            DateTimeKind.Utc => v,
            DateTimeKind.Local => v.ToUniversalTime(),
            _ => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        };
        if (utc > now + FutureTolerance)
        {
            fail(field, "This time is in the future.");
            return null;
        }

        return utc;
    }

    protected static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc);

    protected static DateOnly MonthOf(DateTime utc) => new(utc.Year, utc.Month, 1);

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }

        messages.Add(message);
    }

    private static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        null => false,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        _ => IsUniqueViolation(ex.InnerException),
    };

    /// <summary>Culture-free text of a number, for messages.</summary>
    protected static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
