using System.Globalization;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Email;

/// <summary>
/// A server of its own for the e-mail tests, and a real SMTP server for it to talk to: the sink
/// (<c>scripts/smtp-sink.mjs</c>) with STARTTLS (a fresh self-signed certificate, trusted by thumbprint) and AUTH,
/// refusing the first two messages to <see cref="Flaky"/> with 451 and every message to <see cref="Bounce"/> with 550.
/// The worker is off (tests drive <see cref="Loopwise.Features.Jobs.JobRunner"/>s by hand) and the clock is a
/// <see cref="ManualClock"/>. Retries start at 10 s, capped at 1 min; 5 attempts.
/// </summary>
public abstract class EmailAppFixture : IAsyncLifetime
{
    public const string Flaky = "flaky@example.test";
    public const string Bounce = "bounce@example.test";
    public const string User = "loopwise";
    public const string Password = "sink-password-for-tests";
    public const string From = "surveys@loopwise.test";

    private LoopwiseApp? _app;
    private SmtpSink? _sink;

    public LoopwiseApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public SmtpSink Sink => _sink ?? throw new InvalidOperationException("The fixture is not initialised.");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync(new SmtpSink.Options
        {
            StartTls = true, User = User, Password = Password, RejectFirst = 2, RejectCode = 451, RejectTo = Flaky, RefuseRecipient = Bounce, RefuseCode = 550,
        });
        _app = new LoopwiseApp(await CreateDatabaseAsync(), builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Jobs:RetryBase", "00:00:10");
            builder.UseSetting("Loopwise:Jobs:RetryCap", "00:01:00");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
            builder.UseSetting("Loopwise:Email:MaxAttempts", "5");
            builder.UseSetting("Loopwise:Smtp:Host", "localhost");
            builder.UseSetting("Loopwise:Smtp:Port", _sink.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Loopwise:Smtp:Security", "StartTls");
            builder.UseSetting("Loopwise:Smtp:UserName", User);
            builder.UseSetting("Loopwise:Smtp:Password", Password);
            builder.UseSetting("Loopwise:Smtp:FromAddress", From);
            builder.UseSetting("Loopwise:Smtp:FromName", "Loopwise Surveys");
            builder.UseSetting("Loopwise:Smtp:TrustedCertificateThumbprint", _sink.CertificateThumbprint);
            builder.UseSetting("Loopwise:Smtp:Timeout", "00:00:20");
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

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}

public sealed class EmailSqliteFixture : EmailAppFixture
{
    public override string Provider => "sqlite";

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class EmailPostgresFixture : EmailAppFixture
{
    public override string Provider => "postgres";

    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

[CollectionDefinition(Name)]
public sealed class EmailSqliteCollection : ICollectionFixture<EmailSqliteFixture>
{
    public const string Name = "email-sqlite";
}

[CollectionDefinition(Name)]
public sealed class EmailPostgresCollection : ICollectionFixture<EmailPostgresFixture>
{
    public const string Name = "email-postgres";
}
