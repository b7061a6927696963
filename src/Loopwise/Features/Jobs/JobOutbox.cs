using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Jobs;

/// <summary>
/// Stores the <see cref="Job"/>s added to a context (<see cref="JobQueue.Enqueue"/>) with that context's SaveChanges,
/// in its transaction, through <see cref="JobSql"/> (so a taken dedupe key is a no-op, where EF's own INSERT would fail
/// the whole save). The jobs are taken out of the change tracker before EF saves and inserted once EF's commands have
/// succeeded. Without a caller's transaction, this opens one around the save and commits it after the jobs, so the
/// write and its jobs commit together either way. A failed save puts the jobs back, as EF keeps its own changes.
/// </summary>
internal sealed class JobOutbox : SaveChangesInterceptor
{
    public static readonly JobOutbox Instance = new();

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Take(context) is { } jobs)
        {
            var owned = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            Hold(context, jobs, owned);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Take(context) is { } jobs)
        {
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            Hold(context, jobs, owned);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }

        _pending.Remove(context);
        try
        {
            var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
            JobSql.Insert(transaction.Connection!, transaction, pending.Jobs);
            JobCommitSignal.Instance.NotifyOnCommit(transaction);
        }
        catch
        {
            pending.Owned?.Rollback();
            End(context, pending);
            throw;
        }

        try
        {
            pending.Owned?.Commit();
        }
        finally
        {
            End(context, pending);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }

        _pending.Remove(context);
        try
        {
            var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
            await JobSql.InsertAsync(transaction.Connection!, transaction, pending.Jobs, cancellationToken);
            JobCommitSignal.Instance.NotifyOnCommit(transaction);
        }
        catch
        {
            if (pending.Owned is not null)
            {
                await pending.Owned.RollbackAsync(CancellationToken.None);
            }

            End(context, pending);
            throw;
        }

        try
        {
            if (pending.Owned is not null)
            {
                await pending.Owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            End(context, pending);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The added jobs, detached so EF does not insert them itself; null when there are none.</summary>
    private static List<Job>? Take(DbContext context)
    {
        var tracker = context.ChangeTracker;
        List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Job>>? added = null;
        // Added entries are known without a change scan (Add sets the state); EF scans once itself when it saves.
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<Job>())
            {
                if (entry.State == EntityState.Added)
                {
                    (added ??= []).Add(entry);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }

        if (added is null)
        {
            return null;
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }

        return [.. added.Select(e => e.Entity)];
    }

    private void Hold(DbContext context, List<Job> jobs, IDbContextTransaction? owned)
    {
        var savepoints = context.Database.AutoSavepointsEnabled;
        if (owned is not null)
        {
            // The transaction is ours, not the caller's: EF need not guard its commands with a savepoint inside it.
            context.Database.AutoSavepointsEnabled = false;
        }

        _pending.AddOrUpdate(context, new Pending(jobs, owned, savepoints));
    }

    /// <summary>The save failed: nothing of it is stored; the jobs go back to the change tracker with EF's own changes.</summary>
    private void Abandon(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        try
        {
            pending.Owned?.Rollback();
        }
        finally
        {
            End(context, pending);
            foreach (var job in pending.Jobs)
            {
                context.Add(job);
            }
        }
    }

    private static void End(DbContext context, Pending pending)
    {
        pending.Owned?.Dispose();
        context.Database.AutoSavepointsEnabled = pending.Savepoints;
    }

    private sealed record Pending(List<Job> Jobs, IDbContextTransaction? Owned, bool Savepoints);
}

/// <summary>
/// Raises <see cref="JobSignal.Process"/> when a transaction that received jobs commits through EF (a caller's
/// <c>Database.BeginTransaction</c>, or <see cref="JobOutbox"/>'s own). A raw <see cref="DbTransaction"/> committed
/// outside EF raises nothing: the workers' poll finds its jobs.
/// </summary>
internal sealed class JobCommitSignal : DbTransactionInterceptor
{
    public static readonly JobCommitSignal Instance = new();

    private readonly ConditionalWeakTable<DbTransaction, object> _holdingJobs = [];

    /// <summary>Signals now when there is no transaction (the insert has committed), else once it commits.</summary>
    public void NotifyOnCommit(DbTransaction? transaction)
    {
        if (transaction is null)
        {
            JobSignal.Process.Notify();
        }
        else
        {
            _holdingJobs.AddOrUpdate(transaction, this);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _holdingJobs.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _holdingJobs.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (_holdingJobs.Remove(transaction))
        {
            JobSignal.Process.Notify();
        }
    }
}
