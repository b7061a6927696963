namespace Loopwise.Tests.Infrastructure;

public static class Collections
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}

/// <summary>One running app per database provider, shared by a test collection.</summary>
public abstract class LoopwiseAppFixture : IAsyncLifetime
{
    private LoopwiseApp? _app;

    public LoopwiseApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _app = new LoopwiseApp(await CreateDatabaseAsync());
        _ = _app.Server; // start now: migrations run here, not inside the first test
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class SqliteAppFixture : LoopwiseAppFixture
{
    public override string Provider => "sqlite";

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class PostgresAppFixture : LoopwiseAppFixture
{
    public override string Provider => "postgres";

    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

[CollectionDefinition(Collections.Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>;

[CollectionDefinition(Collections.Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFixture>;

/// <summary>Base of a storage test written once and run on both providers (one four-line subclass each).</summary>
public abstract class IntegrationTest(LoopwiseAppFixture fixture)
{
    protected LoopwiseApp App => fixture.App;

    protected string Provider => fixture.Provider;
}
