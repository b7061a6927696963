namespace Loopwise.Core.Webhooks;

/// <summary>Why a webhook request failed <see cref="WebhookSignature.Verify(IReadOnlyList{string}, string?, string?, string?, string, DateTimeOffset, TimeSpan?)"/>.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The request verified.</summary>
    None,

    /// <summary>A header is missing or malformed (no id, a timestamp that is not unix seconds, no <c>v1=</c> entry of 64 hex digits).</summary>
    BadFormat,

    /// <summary>No <c>v1=</c> entry matches the HMAC of the id, timestamp and body under any of the secrets.</summary>
    SignatureMismatch,

    /// <summary>The signature matches but the timestamp lies outside the replay window around now.</summary>
    TimestampOutsideWindow,
}
