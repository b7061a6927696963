using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Cases;

/// <summary>
/// A server of its own for the closed-loop tests: no background worker (the tests run the jobs with a
/// <see cref="Loopwise.Features.Jobs.JobRunner"/>), and a <see cref="ManualClock"/> that each test sets.
/// </summary>
public abstract class CasesAppFixture : IAsyncLifetime
{
    private LoopwiseApp? _app;

    public LoopwiseApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _app = new LoopwiseApp(await CreateDatabaseAsync(), builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
            builder.UseSetting("Loopwise:Webhooks:AllowHttp", "true");
            builder.UseSetting("Loopwise:Webhooks:AllowPrivateNetworks", "true");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class CasesSqliteFixture : CasesAppFixture
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class CasesPostgresFixture : CasesAppFixture
{
    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

[CollectionDefinition(Name)]
public sealed class CasesSqliteCollection : ICollectionFixture<CasesSqliteFixture>
{
    public const string Name = "cases-sqlite";
}

[CollectionDefinition(Name)]
public sealed class CasesPostgresCollection : ICollectionFixture<CasesPostgresFixture>
{
    public const string Name = "cases-postgres";
}
