using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Loopwise.Core.Webhooks;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// <c>webhook.deliver</c>: POSTs one delivery to its endpoint, signed, and logs the attempt (ADR 14). 2xx: delivered.
/// 410 Gone: the endpoint is turned off and the delivery failed. A refused address or an endpoint turned off: failed,
/// without retrying. Anything else (another status, a timeout, a connection error): the attempt is logged and the job
/// fails, so the jobs table retries it with back-off; the last attempt marks the delivery failed.
/// <para>
/// Idempotent: a delivery already delivered, or whose series has moved on (a redelivery), is not sent again, and the
/// outcome is recorded with the job's completion in one transaction. A worker that dies between the POST and that
/// record sends again on the next attempt with the same <c>Loopwise-Webhook-Id</c>, by which the receiver drops it.
/// </para>
/// </summary>
public sealed partial class WebhookDeliveryJob(
    LoopwiseDbContext db, SqliteWriteGate gate, WebhookSecrets secrets, IHttpClientFactory httpClients, TimeProvider clock,
    IOptions<WebhookOptions> options, ILogger<WebhookDeliveryJob> logger) : IJobHandler
{
    public const string Kind = "webhook.deliver";

    /// <summary>The named <see cref="HttpClient"/>: no redirects, no proxy, the SSRF check at connect time, the configured timeout.</summary>
    public const string HttpClientName = "loopwise-webhooks";

    public const string UserAgent = "Loopwise-Webhooks/1";

    private static readonly string[] KeptHeaders = ["Content-Type", "Retry-After", "Location"];

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.ReadPayload<Payload>();
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == payload.Delivery, ct);
        if (delivery is null || delivery.Series != payload.Series || delivery.Status == WebhookDeliveryStatus.Delivered)
        {
            return; // deleted with its endpoint, superseded by a redelivery, or done already
        }

        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        if (endpoint is null)
        {
            return;
        }

        if (!endpoint.Enabled)
        {
            await RecordAsync(job, delivery.Id, null, WebhookDeliveryStatus.Failed, "The endpoint is turned off.", disable: null, complete: true, ct);
            return;
        }

        var attempt = await SendAsync(job, delivery, endpoint, ct);
        if (attempt.StatusCode is >= 200 and < 300)
        {
            await RecordAsync(job, delivery.Id, attempt, WebhookDeliveryStatus.Delivered, null, disable: null, complete: true, ct);
        }
        else if (attempt.StatusCode == (int)HttpStatusCode.Gone)
        {
            await RecordAsync(job, delivery.Id, attempt, WebhookDeliveryStatus.Failed, "The receiver answered 410 Gone: the endpoint was turned off.",
                disable: "The receiver answered 410 Gone.", complete: true, ct);
        }
        else if (attempt.Refused)
        {
            await RecordAsync(job, delivery.Id, attempt, WebhookDeliveryStatus.Failed, attempt.Error, disable: null, complete: true, ct);
        }
        else
        {
            var error = attempt.Error ?? string.Create(CultureInfo.InvariantCulture, $"The receiver answered {attempt.StatusCode}.");
            await RecordAsync(job, delivery.Id, attempt, job.IsLastAttempt ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending, error, disable: null, complete: false, ct);
            throw new WebhookDeliveryFailedException(error);
        }
    }

    private async Task<Attempt> SendAsync(JobContext job, WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var id = delivery.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets.SigningSecrets(endpoint, now.UtcDateTime), id, timestamp, delivery.Body));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        var client = httpClients.CreateClient(HttpClientName);
        // The client's timeout covers the request up to the response headers; this one also covers reading the kept
        // part of the body, so a receiver that trickles its answer cannot hold the worker.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadStartAsync(response.Content, timeout.Token);
            var headers = KeptHeaders
                .Select(h => (h, response.Headers.TryGetValues(h, out var v) || response.Content.Headers.TryGetValues(h, out v) ? string.Join(", ", v) : null))
                .Where(h => h.Item2 is not null)
                .ToDictionary(h => h.h, h => h.Item2!, StringComparer.Ordinal);
            return new Attempt(now.UtcDateTime, Elapsed(started), (int)response.StatusCode, headers.Count == 0 ? null : JsonSerializer.Serialize(headers), body, null, false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutdown: the job runs again after its lease
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            return new Attempt(now.UtcDateTime, Elapsed(started), null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s."), false);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            LogRefused(job.Id, delivery.Id, refused.Message);
            return new Attempt(now.UtcDateTime, Elapsed(started), null, null, null, refused.Message, true);
        }
        catch (HttpRequestException e)
        {
            return new Attempt(now.UtcDateTime, Elapsed(started), null, null, null, Truncate(Describe(e), WebhookDelivery.ErrorMaxLength), false);
        }
    }

    /// <summary>
    /// Logs the attempt and the delivery's new state in one transaction, with the job's completion when <paramref name="complete"/>
    /// (delivered, 410, refused): a retryable failure leaves the job to the runner, which retries it.
    /// </summary>
    private async Task RecordAsync(JobContext job, Guid deliveryId, Attempt? attempt, WebhookDeliveryStatus status, string? error, string? disable, bool complete, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var delivery = await db.Set<WebhookDelivery>().FirstAsync(d => d.Id == deliveryId, ct);
            if (attempt is not null)
            {
                delivery.Attempts++;
                delivery.LastAttemptAt = attempt.At;
                delivery.LastStatusCode = attempt.StatusCode;
                db.Add(new WebhookAttempt
                {
                    WorkspaceId = delivery.WorkspaceId,
                    DeliveryId = delivery.Id,
                    Number = delivery.Attempts,
                    Series = delivery.Series,
                    JobId = job.Id,
                    AttemptedAt = attempt.At,
                    DurationMs = attempt.DurationMs,
                    StatusCode = attempt.StatusCode,
                    ResponseHeaders = attempt.Headers,
                    ResponseBody = attempt.Body,
                    Error = attempt.Error,
                });
            }

            delivery.Status = status;
            delivery.LastError = error is null ? null : Truncate(error, WebhookDelivery.ErrorMaxLength);
            delivery.UpdatedAt = now;
            delivery.CompletedAt = status == WebhookDeliveryStatus.Pending ? null : now;
            if (disable is not null)
            {
                var endpoint = await db.Set<WebhookEndpoint>().FirstAsync(e => e.Id == delivery.EndpointId, ct);
                endpoint.Enabled = false;
                endpoint.DisabledReason = disable;
                endpoint.UpdatedAt = now;
            }

            await db.SaveChangesAsync(ct);
            if (status != WebhookDeliveryStatus.Pending)
            {
                // Retention: the endpoint's finished deliveries older than the retention period go, with their attempts
                // (ON DELETE CASCADE). A range of the (workspace, endpoint, created_at) index: usually nothing or a few rows.
                var cutoff = now - options.Value.Retention;
                await db.Set<WebhookDelivery>()
                    .Where(d => d.EndpointId == delivery.EndpointId && d.CreatedAt < cutoff && d.Status != WebhookDeliveryStatus.Pending)
                    .ExecuteDeleteAsync(ct);
            }

            if (complete)
            {
                await job.MarkSucceededAsync(db, ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    private static async Task<string?> ReadStartAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookAttempt.BodyMaxBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static string Describe(Exception e)
    {
        var text = new StringBuilder(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" ---> ").Append(inner.Message);
        }

        return text.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook job {JobId}: delivery {DeliveryId} refused by the address policy: {Reason}")]
    private partial void LogRefused(Guid jobId, Guid deliveryId, string reason);

    /// <summary>The job's payload: which delivery, and which series of its attempts.</summary>
    public sealed record Payload(Guid Delivery, int Series);

    private sealed record Attempt(DateTime At, int DurationMs, int? StatusCode, string? Headers, string? Body, string? Error, bool Refused);
}
