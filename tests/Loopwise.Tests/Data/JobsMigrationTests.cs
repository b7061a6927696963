using Loopwise.Data;
using Loopwise.Features.Jobs;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Loopwise.Tests.Data;

/// <summary>
/// Migration 20261202010000_Jobs creates the jobs table with its indexes on a database at the previous migration; a job
/// written by the raw insert reads back through EF with every column; going down drops the table.
/// </summary>
public abstract class JobsMigrationTests
{
    private const string Before = "20261124080000_TicketDurationKeyByClock";
    private const string WithJobs = "20261202010000_Jobs";

    private static readonly string[] Indexes =
        ["ix_jobs_dead", "ix_jobs_due", "ix_jobs_kind_dedupe_key", "ix_jobs_lease", "ix_jobs_succeeded", "ix_jobs_workspace_id_status_kind"];

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task Up_creates_the_jobs_table_and_its_indexes_and_down_drops_it()
    {
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseOptions.Parse(await NewDatabaseAsync()));
        await using var db = new LoopwiseDbContext(builder.Options, new WorkspaceScope());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        Assert.Empty(await IndexesAsync(db));

        await migrator.MigrateAsync(WithJobs);
        Assert.Equal(Indexes, await IndexesAsync(db));
        var workspace = Guid.CreateVersion7();
        var runAt = new DateTime(2026, 12, 2, 9, 30, 0, DateTimeKind.Utc);
        var queue = new JobQueue(db, TimeProvider.System, Options.Create(new JobOptions()));
        Assert.Equal(1, await queue.EnqueueAsync(
            [new NewJob("text.analyze", "{\"responseId\":\"r-1\"}") { WorkspaceId = workspace, DedupeKey = "r-1", RunAt = runAt, MaxAttempts = 4 }], CancellationToken.None));
        var job = await db.Set<Job>().AsNoTracking().SingleAsync();
        Assert.Equal(
            (workspace, "text.analyze", "{\"responseId\":\"r-1\"}", "r-1", JobStatus.Queued, 0, 4, runAt, (string?)null, (DateTime?)null, (DateTime?)null),
            (job.WorkspaceId!.Value, job.Kind, job.Payload, job.DedupeKey, job.Status, job.Attempts, job.MaxAttempts, job.RunAt, job.LeaseOwner, job.LeaseExpiresAt, job.CompletedAt));
        Assert.Equal(DateTimeKind.Utc, job.RunAt.Kind);

        await migrator.MigrateAsync(Before);
        Assert.Empty(await IndexesAsync(db));
        Assert.False(await TableExistsAsync(db));
    }

    private static async Task<List<string>> IndexesAsync(LoopwiseDbContext db) => db.IsPostgres
        ? await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'jobs' AND indexname LIKE 'ix_%' ORDER BY indexname").ToListAsync()
        : await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND name LIKE 'ix_%' ORDER BY name").ToListAsync();

    private static async Task<bool> TableExistsAsync(LoopwiseDbContext db) => db.IsPostgres
        ? await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'jobs'").SingleAsync() > 0
        : await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = 'jobs'").SingleAsync() > 0;
}

public sealed class JobsMigrationTests_Sqlite : JobsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class JobsMigrationTests_Postgres : JobsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}
