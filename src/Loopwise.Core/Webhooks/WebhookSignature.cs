using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Loopwise.Core.Webhooks;

/// <summary>
/// The signature of Loopwise webhooks (ADR 14), for the sender and for receivers. A request carries
/// <c>Loopwise-Webhook-Id</c> (the delivery id), <c>Loopwise-Webhook-Timestamp</c> (unix seconds) and
/// <c>Loopwise-Signature: v1=&lt;hex&gt;</c>, where the hex is the lower-case HMAC-SHA256, keyed by the UTF-8 bytes of the
/// endpoint's secret, of the UTF-8 bytes of <c>{id}.{timestamp}.</c> followed by the raw body. While a rotated secret
/// is still valid the header holds one <c>v1=</c> entry per secret, separated by commas; a receiver accepts the
/// request when any entry matches any secret it knows, and when the timestamp lies within the replay window.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The scheme tag of the current signature (<c>v1=</c>); entries of other schemes are ignored.</summary>
    public const string Scheme = "v1";

    /// <summary>The header naming the delivery (the same on every retry: the receiver's idempotency key).</summary>
    public const string IdHeader = "Loopwise-Webhook-Id";

    /// <summary>The header carrying the unix time of the attempt, in seconds.</summary>
    public const string TimestampHeader = "Loopwise-Webhook-Timestamp";

    /// <summary>The header carrying the signatures.</summary>
    public const string SignatureHeader = "Loopwise-Signature";

    /// <summary>How far a timestamp may lie from the receiver's clock, either way, unless the receiver says otherwise.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int HexLength = SHA256.HashSizeInBytes * 2;

    /// <summary>The lower-case hex HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(secret, id, timestamp, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The lower-case hex HMAC-SHA256 of <c>{id}.{timestamp}.</c> followed by the raw <paramref name="body"/>.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(Mac(secret, id, timestamp, body));

    /// <summary>The <c>Loopwise-Signature</c> header value: one <c>v1=</c> entry per secret, in the order given.</summary>
    public static string Header(IReadOnlyList<string> secrets, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(body);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("Give at least one secret.", nameof(secrets));
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        return string.Join(", ", secrets.Select(s => $"{Scheme}={Sign(s, id, timestamp, bytes)}"));
    }

    /// <summary>
    /// Verifies a request whose body is text (UTF-8 on the wire). See
    /// <see cref="Verify(IReadOnlyList{string}, string?, string?, string?, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan?)"/>.
    /// </summary>
    public static WebhookVerification Verify(IReadOnlyList<string> secrets, string? id, string? timestampHeader, string? signatureHeader, string body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(secrets, id, timestampHeader, signatureHeader, Encoding.UTF8.GetBytes(body), now, tolerance);
    }

    /// <summary>
    /// Verifies a request as a receiver: the headers are well formed, one <c>v1=</c> entry matches the HMAC of
    /// <paramref name="id"/>, the timestamp and the raw <paramref name="body"/> under one of <paramref name="secrets"/>
    /// (compared in constant time), and the timestamp lies within <paramref name="tolerance"/> (5 minutes by default)
    /// of <paramref name="now"/>. The checks run in that order, so a replayed request with a good signature is refused
    /// for its timestamp. A receiver should also drop a delivery id it has already processed.
    /// </summary>
    public static WebhookVerification Verify(IReadOnlyList<string> secrets, string? id, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var window = tolerance ?? DefaultTolerance;
        if (window < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance cannot be negative.");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return Fail(WebhookVerificationFailure.BadFormat, $"The {IdHeader} header is missing.");
        }

        if (string.IsNullOrWhiteSpace(timestampHeader)
            || !long.TryParse(timestampHeader.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Fail(WebhookVerificationFailure.BadFormat, $"The {TimestampHeader} header is missing or not unix seconds.");
        }

        var presented = Entries(signatureHeader);
        if (presented is null)
        {
            return Fail(WebhookVerificationFailure.BadFormat, $"The {SignatureHeader} header holds no '{Scheme}=' entry of {HexLength} hex digits.");
        }

        var matched = false;
        foreach (var secret in secrets)
        {
            var expected = Mac(secret, id, timestamp, body);
            foreach (var candidate in presented)
            {
                // Every pair is compared in full, in constant time: nothing about the secret leaks through timing.
                matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
            }
        }

        if (!matched)
        {
            return Fail(WebhookVerificationFailure.SignatureMismatch, "No signature matches the body, id and timestamp under the known secrets.");
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age.Duration() > window)
        {
            return Fail(WebhookVerificationFailure.TimestampOutsideWindow, string.Create(CultureInfo.InvariantCulture,
                $"The timestamp is {Math.Abs((long)age.TotalSeconds)} s {(age > TimeSpan.Zero ? "old" : "in the future")}, outside the replay window of {(long)window.TotalSeconds} s."));
        }

        return WebhookVerification.Valid;
    }

    /// <summary>The decoded <c>v1=</c> entries of a header; null when there is none or one is malformed.</summary>
    private static List<byte[]>? Entries(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var entries = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            if (!part.AsSpan(0, equals).SequenceEqual(Scheme))
            {
                continue; // another scheme (a future v2): not ours to judge
            }

            var hex = part.AsSpan(equals + 1);
            if (hex.Length != HexLength || !IsHex(hex))
            {
                return null;
            }

            entries.Add(Convert.FromHexString(hex));
        }

        return entries.Count == 0 ? null : entries;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Mac(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static WebhookVerification Fail(WebhookVerificationFailure failure, string reason) => new(failure, reason);
}
