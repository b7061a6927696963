using System.Net;
using System.Net.Sockets;
using Loopwise.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// Opens the TCP connections of webhook requests (the <see cref="SocketsHttpHandler.ConnectCallback"/> of the named
/// client): it resolves the host itself, keeps only the addresses <see cref="WebhookAddressPolicy"/> allows, and connects
/// to those. The check and the connection use the same addresses, so a name that resolves differently a moment later
/// (DNS rebinding) cannot slip an internal address past it.
/// </summary>
internal static class WebhookConnector
{
    public static SocketsHttpHandler Handler(IOptionsMonitor<WebhookOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // A proxy would connect on our behalf to an address we never checked.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.CurrentValue.AllowPrivateNetworks, ct),
    };

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivateNetworks, CancellationToken ct)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => WebhookAddressPolicy.IsAllowed(a, allowPrivateNetworks)).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(
                $"Refused to connect to {host}: {string.Join(", ", addresses.Select(a => $"{a} is {Describe(WebhookAddressPolicy.Classify(a))}"))}.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static string Describe(WebhookAddressClass kind) => kind switch
    {
        WebhookAddressClass.LinkLocal => "link-local or a metadata service (never allowed)",
        WebhookAddressClass.Reserved => "reserved (never allowed)",
        WebhookAddressClass.Loopback => "loopback (allowed only with Loopwise:Webhooks:AllowPrivateNetworks)",
        WebhookAddressClass.Private => "private (allowed only with Loopwise:Webhooks:AllowPrivateNetworks)",
        _ => "public",
    };
}
