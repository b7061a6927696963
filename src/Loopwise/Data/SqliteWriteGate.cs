using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Data;

/// <summary>
/// Queues this process's write transactions on one SQLite file. SQLite has a single writer; without this, concurrent
/// writers meet the lock inside BEGIN IMMEDIATE and SQLite's busy handler puts them to sleep in growing steps
/// (1, 2, 5, 10 ... ms), which idles the server under load. Waiting here instead hands the lock over at once.
/// On PostgreSQL it does nothing.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's write turn; dispose the result (after commit or rollback) to pass it on.</summary>
    public static async ValueTask<Turn> EnterAsync(LoopwiseDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return default;
        }

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    /// <summary>A held write turn (or none on PostgreSQL).</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
