using System.Text;
using Loopwise.Data;
using Loopwise.Features.Commerce;
using Loopwise.Tests.Infrastructure;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Commerce;

public abstract class CommerceImportTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    [Fact]
    public async Task Order_import_stores_good_rows_and_reports_each_bad_row_by_line_and_column()
    {
        var ws = await App.CreateWorkspaceAsync();
        const string csv =
            "external_id,customer_external_id,ordered_at,amount_minor,currency,channel\n" +
            "o-1,c-1,2026-03-01T10:00:00Z,1999,EUR,web\n" +
            "o-2,c-2,yesterday,500,EUR,web\n" +          // line 3: bad time
            "\"o-3\",c-1,2026-03-02,\"12\",usd,\"store\nfront\"\n" + // lines 4-5: a quoted line break
            "o-4,c-3,2026-03-03,12.50,EUR,web\n" +        // line 6: not minor units
            "o-5,c-3,2026-03-03,100,EURO,web\n" +         // line 7: bad currency
            "o-6,c-3,2026-03-03,100\n" +                  // line 8: too few fields
            "o-1,c-1,2026-03-01T10:00:00Z,1999,EUR,web\n"; // line 9: repeats line 2

        var report = await ImportAsync(ws, CommerceImportKind.Orders, csv);

        Assert.Equal((7, 2), (report.Rows, report.Stored));
        Assert.Equal([3, 6, 7, 8], report.RejectedLines);
        Assert.Equal("ordered_at", Assert.Single(report.Errors, e => e.Line == 3).Field);
        Assert.Equal("amount_minor", Assert.Single(report.Errors, e => e.Line == 6).Field);
        Assert.Equal("currency", Assert.Single(report.Errors, e => e.Line == 7).Field);
        Assert.Equal(9, Assert.Single(report.Duplicates).Line);
        var revenue = await App.WithScopeAsync(async s => await s.GetRequiredService<CommerceQuery>().RevenueAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), CancellationToken.None), ws.Id);
        Assert.Equal(["EUR 1 1999 1", "USD 1 12 1"], revenue.Select(r => $"{r.Currency} {r.Orders} {r.AmountMinor} {r.ActiveCustomers}"));

        var again = await ImportAsync(ws, CommerceImportKind.Orders, csv);

        Assert.Equal(0, again.Stored);
        Assert.Equal([2, 4, 9], again.Duplicates.Select(d => d.Line));
    }

    [Fact]
    public async Task Customer_subscription_referral_and_journey_imports_report_rejected_lines()
    {
        var ws = await App.CreateWorkspaceAsync();

        var customers = await ImportAsync(ws, CommerceImportKind.Customers,
            "external_id,email,acquired_at,acquisition_source,region\nc-1,a@example.test,2026-01-05,paid,eu\nc-2,nope,2026-01-06,referral,us\n,x@example.test,,,\n");
        var subscriptions = await ImportAsync(ws, CommerceImportKind.Subscriptions,
            "external_id,customer_external_id,plan,started_at,mrr_minor,currency,cancelled_at\ns-1,c-1,pro,2026-01-05,2000,EUR,\ns-2,c-1,pro,2026-02-05,2000,EUR,2026-01-01\ns-3,c-1,pro,2026-02-05,-1,EUR,\n");
        var referrals = await ImportAsync(ws, CommerceImportKind.Referrals,
            "referrer_external_id,referred_external_id,referred_at,converted_at\nc-1,c-2,2026-01-02,2026-01-06\nc-1,c-1,2026-01-02,\n");
        var steps = await ImportAsync(ws, CommerceImportKind.JourneySteps,
            "journey,step,session_id,state,at\ncheckout,cart,s1,started,2026-02-01T10:00:00Z\ncheckout,cart,s1,done,2026-02-01T10:01:00Z\n");

        Assert.Equal(1, customers.Stored);
        Assert.Equal([3, 4], customers.RejectedLines);
        Assert.Equal("email", Assert.Single(customers.Errors, e => e.Line == 3).Field);
        Assert.Equal(1, subscriptions.Stored);
        Assert.Equal([3, 4], subscriptions.RejectedLines);
        Assert.Equal(["cancelled_at", "mrr_minor"], subscriptions.Errors.Select(e => e.Field));
        Assert.Equal(1, referrals.Stored);
        Assert.Equal([3], referrals.RejectedLines);
        Assert.Equal((1, "state"), (steps.Stored, Assert.Single(steps.Errors, e => e.Line == 3).Field));
        var region = await App.WithScopeAsync(async s => await s.GetRequiredService<CommerceDirectory>().CustomerAsync("c-1", CancellationToken.None), ws.Id);
        Assert.Equal("eu", region!.Attributes["region"]);
    }

    [Fact]
    public async Task Import_without_a_required_column_is_refused_before_reading_rows()
    {
        var ws = await App.CreateWorkspaceAsync();

        var result = await App.WithScopeAsync(async s =>
            await s.GetRequiredService<CommerceImporter>().ImportAsync(CommerceImportKind.Orders, new MemoryStream("external_id,currency\no-1,EUR\n"u8.ToArray()), null, CancellationToken.None), ws.Id);

        var invalid = Assert.IsType<Error.Invalid>(result.Error);
        Assert.Contains("customer_external_id", invalid.Fields["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_import_stores_the_rows_and_exits_1_when_a_row_is_rejected()
    {
        var ws = await App.CreateWorkspaceAsync();
        var file = Path.Combine(Path.GetTempPath(), $"loopwise-subscriptions-{Guid.NewGuid():N}.csv");
        var errors = Path.Combine(Path.GetTempPath(), $"loopwise-errors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "external_id,customer_external_id,plan,started_at,mrr_minor,currency\ns-1,c-1,pro,2026-01-05,2000,EUR\ns-2,c-2,pro,soon,2000,EUR\n");

        await ConsoleLock.WaitAsync();
        int exit;
        try
        {
            exit = await Loopwise.Cli.LoopwiseCli.RunAsync(["import", "subscriptions", "--db", App.Database, "--workspace", ws.Slug, "--errors", errors, file]);
        }
        finally
        {
            ConsoleLock.Release();
        }

        Assert.Equal(1, exit);
        var lines = await File.ReadAllLinesAsync(errors);
        Assert.Equal("line,key,field,message", lines[0]);
        Assert.StartsWith("3,,started_at,", lines[1], StringComparison.Ordinal);
        var stored = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Subscription>().Select(x => x.ExternalId).ToListAsync(), ws.Id);
        Assert.Equal(["s-1"], stored);
    }

    private async Task<CommerceImportReport> ImportAsync(TestWorkspace ws, CommerceImportKind kind, string csv) =>
        await App.WithScopeAsync(async s =>
        {
            var result = await s.GetRequiredService<CommerceImporter>().ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None);
            Assert.True(result.IsSuccess, result.Error?.Message);
            return result.Value!;
        }, ws.Id);
}

[Collection(Collections.Sqlite)]
public sealed class CommerceImportTests_Sqlite(SqliteAppFixture fixture) : CommerceImportTests(fixture);

[Collection(Collections.Postgres)]
public sealed class CommerceImportTests_Postgres(PostgresAppFixture fixture) : CommerceImportTests(fixture);
