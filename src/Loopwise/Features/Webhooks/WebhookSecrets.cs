using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// Makes and keeps signing secrets (ADR 14). A secret is <c>whsec_</c> and 32 random bytes in base64url; it must stay
/// readable to sign with, so it is encrypted with ASP.NET Core Data Protection (key ring in the database,
/// <see cref="DatabaseKeyRepository"/>) rather than hashed, and shown in the clear only when created or rotated.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider, IOptions<WebhookOptions> options)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Loopwise.Webhooks.SigningSecret.v1");

    public const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>Replaces the secret; the old one stays valid until the overlap ends. Returns the new secret in the clear.</summary>
    public string Rotate(WebhookEndpoint endpoint, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var secret = NewSecret();
        endpoint.PreviousSecret = endpoint.Secret;
        endpoint.PreviousSecretExpiresAt = now + options.Value.RotationOverlap;
        endpoint.Secret = Protect(secret);
        return secret;
    }

    /// <summary>The secrets to sign with at <paramref name="now"/>: the current one, then the previous one while it is valid.</summary>
    public IReadOnlyList<string> SigningSecrets(WebhookEndpoint endpoint, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var current = Unprotect(endpoint.Secret);
        return endpoint is { PreviousSecret: { } previous, PreviousSecretExpiresAt: { } until } && now < until
            ? [current, Unprotect(previous)]
            : [current];
    }
}
