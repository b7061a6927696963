using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Commerce;

/// <summary>HTTP helpers for the commerce batch endpoints.</summary>
internal static class CommerceApi
{
    public static async Task<HttpResponseMessage> PostBatchAsync(TestWorkspace ws, string facts, IEnumerable<object> items, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{facts}/batch") { Content = JsonContent.Create(new { items = items.ToList() }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await ws.Api.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Posts and insists on 201 Created (with the problem text when not).</summary>
    public static async Task<JsonElement> StoreAsync(TestWorkspace ws, string facts, IEnumerable<object> items)
    {
        using var response = await PostBatchAsync(ws, facts, items, Guid.NewGuid().ToString("N"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{facts}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    public static DateTime Utc(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);
}
