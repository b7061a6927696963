using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Tests.Data;

/// <summary>
/// Upgrading a database that already holds day rollups fills the month tables with the same counts folded by month
/// (slots summed), so monthly series read from them agree with the day rows from the first request; going down drops them.
/// </summary>
public abstract class MonthRollupsMigrationTests
{
    private const string Before = "20261124040000_CustomerHealth";
    private const string MonthRollups = "20261124050000_MonthRollups";
    private static readonly Guid Workspace = Guid.Parse("0197a5d0-0000-7000-8000-000000000011");
    private static readonly Guid Survey = Guid.Parse("0197a5d0-0000-7000-8000-000000000012");
    private static readonly Guid Touchpoint = Guid.Parse("0197a5d0-0000-7000-8000-000000000013");

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task Upgrade_folds_the_stored_day_rows_into_month_rows_and_downgrade_drops_them()
    {
        var options = DatabaseOptions.Parse(await NewDatabaseAsync());
        await using var db = Context(options, new WorkspaceScope());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        var values = new SqlValue(db.IsPostgres);
        // Two days of January (one key over two slots), one of February.
        await ExecuteAsync(db, values, "INSERT INTO answer_rollups (workspace_id, survey_id, question_id, touchpoint_id, day, value, slot, count) VALUES " +
            "(@w, @s, 'nps', @t, @jan3, 9, 0, 40), (@w, @s, 'nps', @t, @jan3, 9, 7, 2), (@w, @s, 'nps', @t, @jan30, 9, 0, 5), (@w, @s, 'nps', @t, @jan30, 3, 0, 4), (@w, @s, 'nps', @t, @feb1, 9, 0, 6)");
        await ExecuteAsync(db, values, "INSERT INTO response_rollups (workspace_id, survey_id, touchpoint_id, day, slot, started, completed) VALUES " +
            "(@w, @s, @t, @jan3, 0, 50, 42), (@w, @s, @t, @jan30, 3, 10, 9), (@w, @s, @t, @feb1, 0, 7, 6)");
        await ExecuteAsync(db, values, "INSERT INTO answer_dimension_rollups (workspace_id, survey_id, question_id, dimension, dimension_value, day, value, slot, count) VALUES " +
            "(@w, @s, 'nps', 'region', 'north', @jan3, 9, 0, 30), (@w, @s, 'nps', 'region', 'north', @jan30, 9, 2, 5)");
        await ExecuteAsync(db, values, "INSERT INTO ticket_rollups (workspace_id, day, channel, touchpoint_id, slot, opened, created_by_agent, first_contacts, agent_flagged_fcr, " +
            "repeat_within_window, transferred, clock_started, replied, frt_sum_seconds, frt_business_sum_seconds, sla_met, reopened, solved) VALUES " +
            "(@w, @jan3, 'email', @t, 0, 10, 1, 9, 6, 2, 1, 9, 8, 8000, 4000, 7, 1, 8), (@w, @jan30, 'email', @t, 5, 4, 0, 4, 3, 1, 0, 4, 4, 1000, 600, 4, 0, 4)");
        await ExecuteAsync(db, values, "INSERT INTO ticket_duration_rollups (workspace_id, day, channel, touchpoint_id, clock, bucket, slot, count) VALUES " +
            "(@w, @jan3, 'email', @t, 'business', 12, 0, 3), (@w, @jan30, 'email', @t, 'business', 12, 1, 2), (@w, @feb1, 'email', @t, 'business', 12, 0, 1)");

        await migrator.MigrateAsync(MonthRollups);
        var scope = new WorkspaceScope();
        scope.Set(Workspace);
        await using var rows = Context(options, scope);
        var answers = await rows.Set<AnswerMonthRollup>().AsNoTracking().OrderBy(r => r.Day).ThenBy(r => r.Value).ToListAsync();
        var totals = await rows.Set<ResponseMonthRollup>().AsNoTracking().OrderBy(r => r.Day).ToListAsync();
        var tickets = await rows.Set<TicketMonthRollup>().AsNoTracking().SingleAsync();
        var durations = await rows.Set<TicketDurationMonthRollup>().AsNoTracking().OrderBy(r => r.Day).ToListAsync();

        Assert.Equal(new[] { ("2026-01-01", 3, 4L), ("2026-01-01", 9, 47L), ("2026-02-01", 9, 6L) }, answers.Select(a => (a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Value, a.Count)));
        Assert.All(answers, a => Assert.Equal(0, a.Slot));
        Assert.Equal(new[] { (60L, 51L), (7L, 6L) }, totals.Select(t => (t.Started, t.Completed)));
        Assert.Equal((14L, 13L, 3L, 4600L), (tickets.Opened, tickets.FirstContacts, tickets.RepeatWithinWindow, tickets.FrtBusinessSumSeconds));
        Assert.Equal(new[] { 5L, 1L }, durations.Select(d => d.Count));
        await Infrastructure.MonthRollups.AssertFoldOfDaysAsync(rows, Workspace, "answer", "response", "answer_dimension", "ticket", "ticket_duration");

        await migrator.MigrateAsync(Before);
        Assert.DoesNotContain("answer_month_rollups", await TablesAsync(db));
        Assert.Contains("answer_rollups", await TablesAsync(db));
    }

    private static LoopwiseDbContext Context(DatabaseOptions options, WorkspaceScope scope)
    {
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, options);
        return new LoopwiseDbContext(builder.Options, scope);
    }

    private static async Task ExecuteAsync(LoopwiseDbContext db, SqlValue values, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var parameters = new[]
        {
            ("w", values.Of(Workspace)), ("s", values.Of(Survey)), ("t", values.Of(Touchpoint)),
            ("jan3", values.Of(new DateOnly(2026, 1, 3))), ("jan30", values.Of(new DateOnly(2026, 1, 30))), ("feb1", values.Of(new DateOnly(2026, 2, 1))),
        };
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(LoopwiseDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

public sealed class MonthRollupsMigrationTests_Sqlite : MonthRollupsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class MonthRollupsMigrationTests_Postgres : MonthRollupsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}
