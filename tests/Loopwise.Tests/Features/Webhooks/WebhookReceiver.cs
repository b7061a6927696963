using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Loopwise.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loopwise.Tests.Features.Webhooks;

/// <summary>
/// A real webhook receiver: a minimal Kestrel app on 127.0.0.1 and a port of its own, as a customer would run. It
/// verifies every request with <see cref="WebhookSignature.Verify(IReadOnlyList{string}, string?, string?, string?, string, DateTimeOffset, TimeSpan?)"/>
/// against the secrets it was given and the test's clock, records what it saw, and answers the statuses it was told to,
/// in turn (the last one repeats).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Func<DateTimeOffset> _now;
    private int[] _statuses = [200];
    private int _count;

    private WebhookReceiver(WebApplication app, Func<DateTimeOffset> now)
    {
        _app = app;
        _now = now;
    }

    /// <summary>The URL to register as the endpoint.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The secrets the receiver verifies with (set after the endpoint is created and its secret shown).</summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>How long to wait before answering (a receiver too slow for the sender's timeout).</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<WebhookReceiver> StartAsync(Func<DateTimeOffset> now)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, now);
        app.MapPost("/hooks/loopwise", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks/loopwise";
        return receiver;
    }

    /// <summary>Answers these statuses, one per request, repeating the last.</summary>
    public void Answer(params int[] statuses) => _statuses = statuses;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var verification = WebhookSignature.Verify(
            Secrets, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, _now());
        var n = Interlocked.Increment(ref _count);
        var status = _statuses[Math.Min(n, _statuses.Length) - 1];
        _received.Enqueue(new Received(
            headers[WebhookSignature.IdHeader].ToString(), headers[WebhookSignature.TimestampHeader].ToString(), headers[WebhookSignature.SignatureHeader].ToString(),
            headers.UserAgent.ToString(), context.Request.ContentType, body, verification, status));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up
            }
        }

        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = "30";
        await context.Response.WriteAsync(status >= 300 ? $"receiver says {status}" : "ok");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string Id, string Timestamp, string Signature, string UserAgent, string? ContentType, string Body, WebhookVerification Verification, int Answered);
}
