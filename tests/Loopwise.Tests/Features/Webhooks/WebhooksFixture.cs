using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Webhooks;

/// <summary>
/// A server of its own for the webhook tests: its job worker is off (the tests drive <c>JobRunner</c>s by hand), its
/// clock is a <see cref="ManualClock"/>, http and loopback receivers are allowed (the receiver listens on 127.0.0.1),
/// retries start at 10 s and are capped at 1 min, a delivery has 4 attempts, and an attempt times out after 3 s.
/// </summary>
public abstract class WebhooksAppFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private LoopwiseApp? _app;

    public LoopwiseApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public ManualClock Clock { get; } = new(Start);

    public abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _app = new LoopwiseApp(await CreateDatabaseAsync(), builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Jobs:RetryBase", "00:00:10");
            builder.UseSetting("Loopwise:Jobs:RetryCap", "00:01:00");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
            builder.UseSetting("Loopwise:Webhooks:AllowHttp", "true");
            builder.UseSetting("Loopwise:Webhooks:AllowPrivateNetworks", "true");
            builder.UseSetting("Loopwise:Webhooks:MaxAttempts", "4");
            builder.UseSetting("Loopwise:Webhooks:Timeout", "00:00:03");
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

public sealed class WebhooksSqliteFixture : WebhooksAppFixture
{
    public override string Provider => "sqlite";

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class WebhooksPostgresFixture : WebhooksAppFixture
{
    public override string Provider => "postgres";

    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

[CollectionDefinition(Name)]
public sealed class WebhooksSqliteCollection : ICollectionFixture<WebhooksSqliteFixture>
{
    public const string Name = "webhooks-sqlite";
}

[CollectionDefinition(Name)]
public sealed class WebhooksPostgresCollection : ICollectionFixture<WebhooksPostgresFixture>
{
    public const string Name = "webhooks-postgres";
}
