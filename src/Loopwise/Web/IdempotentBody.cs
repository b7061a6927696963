using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Loopwise.Web;

/// <summary>
/// A JSON request body bound together with its <c>Idempotency-Key</c> header and a hash of what was sent (method,
/// path and the exact body bytes), so that <see cref="IdempotencyService"/> can tell a retry from a different request
/// under the same key. Use it as an endpoint parameter instead of <typeparamref name="T"/>; add
/// <c>.Accepts&lt;T&gt;("application/json")</c> to the route for the OpenAPI document.
/// </summary>
public sealed class IdempotentBody<T>
    where T : class
{
    private IdempotentBody(T? value, string? key, byte[] hash, string? readError)
    {
        Value = value;
        Key = key;
        Hash = hash;
        ReadError = readError;
    }

    /// <summary>The body, or null when it could not be read (see <see cref="ReadError"/>).</summary>
    public T? Value { get; }

    /// <summary>The <c>Idempotency-Key</c> header, or null when absent or blank.</summary>
    public string? Key { get; }

    public byte[] Hash { get; }

    /// <summary>Why the body is not valid JSON of the expected shape, for a 400 problem.</summary>
    public string? ReadError { get; }

    // Minimal APIs find custom binders by this static method on the parameter's own type (CA1000 does not apply).
#pragma warning disable CA1000
    public static async ValueTask<IdempotentBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength.Value : 4096);
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        var key = request.Headers[IdempotencyService.KeyHeader].ToString();
        var hash = HashOf(request.Method, request.Path.Value ?? string.Empty, body.Span);
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body.Span, options);
            return new IdempotentBody<T>(value, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), hash, value is null ? "The request body is empty." : null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            return new IdempotentBody<T>(null, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), hash, $"The request body is not valid JSON of the expected shape{where}.");
        }
    }

#pragma warning restore CA1000

    internal static byte[] HashOf(string method, string path, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + " " + path + "\n"));
        sha.AppendData(body);
        return sha.GetHashAndReset();
    }
}
