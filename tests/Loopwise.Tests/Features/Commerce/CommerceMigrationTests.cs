using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Tests.Features.Commerce;

/// <summary>The commerce migration goes down and up again on both databases, keeping existing customers.</summary>
public abstract class CommerceMigrationTests
{
    private const string Before = "20261123040000_RollupSlots";
    private const string Commerce = "20261124020000_Commerce";

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task Commerce_migration_goes_down_and_up_keeping_customers()
    {
        var options = DatabaseOptions.Parse(await NewDatabaseAsync());
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, options);
        var scope = new WorkspaceScope();
        var workspace = Guid.CreateVersion7();
        scope.Set(workspace);
        await using var db = new LoopwiseDbContext(builder.Options, scope);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Commerce);
        db.Add(new Loopwise.Features.Workspaces.Workspace { Id = workspace, Slug = "m-" + workspace.ToString("N")[..10], Name = "M", DefaultLanguage = "en", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        await db.SaveChangesAsync(); // no navigation between them: EF would not order the inserts
        db.Add(new Customer { WorkspaceId = workspace, Id = Guid.CreateVersion7(), ExternalId = "c-1", Email = "c@example.test", AcquisitionSource = "paid", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        await db.SaveChangesAsync();

        await migrator.MigrateAsync(Before);
        await migrator.MigrateAsync(Commerce);

        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync();
        Assert.Equal(("c-1", "c@example.test", (string?)null), (customer.ExternalId, customer.Email, customer.AcquisitionSource));
    }
}

public sealed class CommerceMigrationTests_Sqlite : CommerceMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class CommerceMigrationTests_Postgres : CommerceMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}
