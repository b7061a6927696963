using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Loopwise.Load;

/// <summary>Posts batches through <c>POST /api/v1/surveys/{id}/responses/batch</c>, each with a fresh idempotency key.</summary>
internal sealed class ApiBatchMode(int batchSize, int spreadMinutes) : ILoadMode
{
    private const int Variants = 8;
    private readonly List<byte[]> _bodies = [];
    private string _path = string.Empty;
    private int _next;

    public string Name => "api";

    public Task PrepareAsync(HttpClient client, BenchTarget target, CancellationToken ct)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
        _path = $"/api/v1/surveys/{target.SurveyId}/responses/batch";
        var random = new Random(42);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        for (var v = 0; v < Variants; v++)
        {
            // Bodies are built before the clock starts, so the client's cost is sending bytes, not serialising.
            var responses = new List<object>(batchSize);
            for (var i = 0; i < batchSize; i++)
            {
                var completed = now.AddMinutes(-random.Next(0, Math.Max(1, spreadMinutes)));
                var answers = new Dictionary<string, object> { ["nps"] = random.Next(0, 11), ["csat"] = random.Next(1, 6) };
                if (random.Next(4) == 0)
                {
                    answers["reason"] = "Delivery was quick and the staff were friendly.";
                }

                responses.Add(new { answers, touchpointKey = target.TouchpointKey, completedAt = completed, startedAt = completed.AddSeconds(-random.Next(20, 300)) });
            }

            _bodies.Add(JsonSerializer.SerializeToUtf8Bytes(new { responses }));
        }

        return Task.CompletedTask;
    }

    public async Task<int> SendAsync(HttpClient client, CancellationToken ct)
    {
        var body = _bodies[Interlocked.Increment(ref _next) % _bodies.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, _path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"Batch refused: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        }

        return batchSize;
    }
}
