using System.Net;
using System.Net.Sockets;

namespace Loopwise.Core.Webhooks;

/// <summary>
/// Which addresses a webhook may connect to (ADR 14): the guard against server-side request forgery. It judges the IP
/// address a host name resolved to, not the name, so a public name pointing at an internal address is refused too.
/// Link-local and metadata addresses (where cloud instances keep their credentials) and reserved ranges are refused
/// always; loopback and private ranges only when the operator allows private networks.
/// </summary>
public static class WebhookAddressPolicy
{
    // Metadata services outside 169.254/16: AWS over IPv6, Alibaba Cloud (inside 100.64/10, which is otherwise private).
    private static readonly IPAddress[] Metadata = [IPAddress.Parse("fd00:ec2::254"), IPAddress.Parse("100.100.100.200")];

    /// <summary>The class of <paramref name="address"/>; an IPv4 address mapped into IPv6 is judged as IPv4.</summary>
    public static WebhookAddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (Array.Exists(Metadata, m => m.Equals(address)))
        {
            return WebhookAddressClass.LinkLocal;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => WebhookAddressClass.Reserved,
        };
    }

    /// <summary>True when a webhook may connect to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivateNetworks) => Classify(address) switch
    {
        WebhookAddressClass.Public => true,
        WebhookAddressClass.Loopback or WebhookAddressClass.Private => allowPrivateNetworks,
        _ => false,
    };

    private static WebhookAddressClass ClassifyV4(byte[] b) => b switch
    {
        [127, ..] => WebhookAddressClass.Loopback,
        [169, 254, ..] => WebhookAddressClass.LinkLocal,
        [10, ..] or [192, 168, ..] => WebhookAddressClass.Private,
        [172, var second, ..] when second is >= 16 and <= 31 => WebhookAddressClass.Private,
        [100, var second, ..] when second is >= 64 and <= 127 => WebhookAddressClass.Private,
        [0, ..] or [>= 224, ..] => WebhookAddressClass.Reserved,
        _ => WebhookAddressClass.Public,
    };

    private static WebhookAddressClass ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return WebhookAddressClass.Loopback;
        }

        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast)
        {
            return WebhookAddressClass.Reserved;
        }

        var bytes = address.GetAddressBytes();
        return bytes switch
        {
            [0xfe, var second, ..] when (second & 0xc0) == 0x80 => WebhookAddressClass.LinkLocal, // fe80::/10
            [0xfe, var second, ..] when (second & 0xc0) == 0xc0 => WebhookAddressClass.Private,   // fec0::/10 (site-local, deprecated)
            [var first, ..] when (first & 0xfe) == 0xfc => WebhookAddressClass.Private,           // fc00::/7 (unique local)
            _ => WebhookAddressClass.Public,
        };
    }
}
