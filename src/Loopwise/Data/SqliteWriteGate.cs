namespace Loopwise.Data;

/// <summary>
/// Queues this process's write transactions on its SQLite file (one instance per process, registered as a singleton).
/// SQLite has a single writer; without this, concurrent writers meet the lock inside BEGIN IMMEDIATE and SQLite's busy
/// handler puts them to sleep in growing steps (1, 2, 5, 10 ... ms), which idles the server under load. Waiting here
/// instead hands the lock over at once. On PostgreSQL it does nothing.
/// </summary>
public sealed class SqliteWriteGate(DatabaseOptions database) : IDisposable
{
    private readonly SemaphoreSlim? _gate = database.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for the write turn; dispose the result (after commit or rollback) to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_gate is null)
        {
            return default;
        }

        await _gate.WaitAsync(ct);
        return new Turn(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    /// <summary>A held write turn (or none on PostgreSQL).</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
