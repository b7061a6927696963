namespace Loopwise.Core.Webhooks;

/// <summary>What kind of network an IP address a webhook would connect to belongs to (see <see cref="WebhookAddressPolicy"/>).</summary>
public enum WebhookAddressClass
{
    /// <summary>A public address: always allowed.</summary>
    Public,

    /// <summary>Loopback (127.0.0.0/8, ::1): allowed only when private networks are.</summary>
    Loopback,

    /// <summary>Private, shared or unique-local ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10): allowed only when private networks are.</summary>
    Private,

    /// <summary>Link-local (169.254/16, fe80::/10) and cloud metadata addresses: never allowed.</summary>
    LinkLocal,

    /// <summary>Unspecified, broadcast, multicast and reserved addresses: never allowed (nothing legitimate listens there).</summary>
    Reserved,
}
