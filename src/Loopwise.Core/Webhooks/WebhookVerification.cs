namespace Loopwise.Core.Webhooks;

/// <summary>The outcome of verifying a webhook request: valid, or the <see cref="Failure"/> and a sentence saying why.</summary>
/// <param name="Failure">What went wrong; <see cref="WebhookVerificationFailure.None"/> when the request verified.</param>
/// <param name="Reason">A sentence for a log or an error response; empty when the request verified.</param>
public sealed record WebhookVerification(WebhookVerificationFailure Failure, string Reason)
{
    /// <summary>The verification of a request that passed every check.</summary>
    public static readonly WebhookVerification Valid = new(WebhookVerificationFailure.None, string.Empty);

    /// <summary>True when the request verified.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;
}
