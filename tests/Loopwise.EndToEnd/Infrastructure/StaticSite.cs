using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Loopwise.EndToEnd.Infrastructure;

/// <summary>
/// A customer's web site for widget tests: one HTML page served from another loopback origin (its own port), so the
/// widget runs cross-origin the way it does on a real shop.
/// </summary>
public sealed class StaticSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _html;

    public StaticSite(string html)
    {
        _html = Encoding.UTF8.GetBytes(html);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            probe.Stop();
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(_html);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
