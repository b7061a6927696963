using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Loopwise.Core.Email;

namespace Loopwise.Features.Email;

/// <summary>
/// Our own ESMTP client (RFC 5321), one connection per message: greeting, EHLO (HELO when EHLO is refused), STARTTLS
/// or TLS from the start, AUTH PLAIN or LOGIN when credentials are set and the server offers them, MAIL FROM, RCPT TO,
/// DATA (dot-stuffed, CRLF line ends: <see cref="SmtpData"/>), QUIT. Multi-line replies are read whole. The whole
/// conversation runs under <see cref="SmtpOptions.Timeout"/> and the caller's token. Failures are
/// <see cref="SmtpException"/>s: permanent when the server refuses the message itself (5xx to MAIL, RCPT or DATA),
/// transient otherwise (4xx, connection, TLS, authentication, timeout), since those say nothing about the message.
/// </summary>
public sealed partial class SmtpTransport(ILogger<SmtpTransport> logger)
{
    private const int MaxLine = 8192;

    /// <summary>Sends <paramref name="message"/> (RFC 5322 text) from <paramref name="from"/> to <paramref name="to"/>; returns the server's reply to the data.</summary>
    public async Task<SmtpReply> SendAsync(SmtpOptions options, string from, string to, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new SmtpException(SmtpOptions.NotConfiguredError, null, permanent: false);
        }

        if (!EmailAddress.IsValid(from) || !EmailAddress.IsValid(to))
        {
            throw new SmtpException($"Not a valid address: '{(EmailAddress.IsValid(from) ? to : from)}'.", null, permanent: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await using var connection = await Connection.OpenAsync(options, timeout.Token);
            var reply = await connection.ConverseAsync(options, from, to, message, timeout.Token);
            LogSent(options.Host!, to, reply);
            return reply;
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SmtpException(string.Create(CultureInfo.InvariantCulture, $"The SMTP conversation with {options.Host}:{options.EffectivePort} timed out after {options.Timeout}."), null, permanent: false, e);
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            throw new SmtpException($"Could not talk to the SMTP server {options.Host}:{options.EffectivePort}: {e.Message}", null, permanent: false, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP {Host} accepted a message to {To}: {Reply}")]
    private partial void LogSent(string host, string to, SmtpReply reply);

    /// <summary>One SMTP connection: a stream (plain, then maybe TLS) and a reply reader.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly byte[] _buffer = new byte[MaxLine];
        private Stream _stream;
        private int _start;
        private int _end;

        private Connection(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
        }

        public static async Task<Connection> OpenAsync(SmtpOptions options, CancellationToken ct)
        {
            var tcp = new TcpClient { NoDelay = true };
            try
            {
                await tcp.ConnectAsync(options.Host!, options.EffectivePort, ct);
                var connection = new Connection(tcp);
                if (options.Security == SmtpSecurity.Tls)
                {
                    await connection.UpgradeAsync(options, ct);
                }

                return connection;
            }
            catch
            {
                tcp.Dispose();
                throw;
            }
        }

        public async Task<SmtpReply> ConverseAsync(SmtpOptions options, string from, string to, ReadOnlyMemory<byte> message, CancellationToken ct)
        {
            Expect(await ReadReplyAsync(ct), 220, "greeting");
            var capabilities = await HelloAsync(options, ct);
            if (options.Security == SmtpSecurity.StartTls)
            {
                if (!capabilities.Contains("STARTTLS"))
                {
                    throw new SmtpException($"The SMTP server {options.Host} does not offer STARTTLS (Loopwise:Smtp:Security is StartTls).", null, permanent: false);
                }

                Expect(await CommandAsync("STARTTLS", ct), 220, "STARTTLS");
                await UpgradeAsync(options, ct);
                capabilities = await HelloAsync(options, ct);
            }

            if (!string.IsNullOrEmpty(options.UserName))
            {
                await AuthenticateAsync(options, capabilities, ct);
            }

            Expect(await CommandAsync($"MAIL FROM:<{from}>", ct), 250, "MAIL FROM", message: true);
            var rcpt = await CommandAsync($"RCPT TO:<{to}>", ct);
            if (rcpt.Code != 251)
            {
                Expect(rcpt, 250, "RCPT TO", message: true);
            }

            Expect(await CommandAsync("DATA", ct), 354, "DATA", message: true);
            var data = SmtpData.Encode(message.Span);
            await _stream.WriteAsync(data, ct);
            await _stream.FlushAsync(ct);
            var accepted = await ReadReplyAsync(ct);
            Expect(accepted, 250, "end of DATA", message: true);

            try
            {
                await CommandAsync("QUIT", ct);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpException)
            {
                // The message is accepted; a server that hangs up without answering QUIT changes nothing.
            }

            return accepted;
        }

        /// <summary>EHLO, or HELO when EHLO is refused; returns the capability keywords (upper case; AUTH with its mechanisms).</summary>
        private async Task<HashSet<string>> HelloAsync(SmtpOptions options, CancellationToken ct)
        {
            var capabilities = new HashSet<string>(StringComparer.Ordinal);
            var ehlo = await CommandAsync("EHLO " + options.EffectiveHeloName, ct);
            if (ehlo.Code == 250)
            {
                foreach (var line in ehlo.Lines.Skip(1))
                {
                    var words = line.ToUpperInvariant().Split([' ', '='], StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 0)
                    {
                        continue;
                    }

                    capabilities.Add(words[0]);
                    if (words[0] == "AUTH")
                    {
                        foreach (var mechanism in words.Skip(1))
                        {
                            capabilities.Add("AUTH " + mechanism);
                        }
                    }
                }

                return capabilities;
            }

            Expect(await CommandAsync("HELO " + options.EffectiveHeloName, ct), 250, "HELO");
            return capabilities;
        }

        private async Task AuthenticateAsync(SmtpOptions options, HashSet<string> capabilities, CancellationToken ct)
        {
            var user = options.UserName!;
            var password = options.Password ?? string.Empty;
            if (capabilities.Contains("AUTH PLAIN"))
            {
                var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + password));
                Expect(await CommandAsync("AUTH PLAIN " + plain, ct), 235, "AUTH PLAIN");
            }
            else if (capabilities.Contains("AUTH LOGIN"))
            {
                Expect(await CommandAsync("AUTH LOGIN", ct), 334, "AUTH LOGIN");
                Expect(await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), ct), 334, "AUTH LOGIN user name");
                Expect(await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), ct), 235, "AUTH LOGIN password");
            }
            else
            {
                throw new SmtpException($"Loopwise:Smtp:UserName is set but the SMTP server {options.Host} offers neither AUTH PLAIN nor AUTH LOGIN{(_stream is SslStream ? string.Empty : " (servers often offer AUTH only over TLS)")}.", null, permanent: false);
            }
        }

        private async Task UpgradeAsync(SmtpOptions options, CancellationToken ct)
        {
            if (_start != _end)
            {
                // Bytes sent before the TLS handshake would be read as if they had come through TLS (CVE-2011-0411 style).
                throw new SmtpException("The SMTP server sent data ahead of the TLS handshake.", null, permanent: false);
            }

            var thumbprint = Normalise(options.TrustedCertificateThumbprint);
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = options.Host,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None ||
                    (thumbprint is not null && certificate is not null &&
                     string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase)),
            }, ct);
            _stream = tls;
        }

        private static string? Normalise(string? thumbprint) =>
            string.IsNullOrWhiteSpace(thumbprint) ? null : new string([.. thumbprint.Where(Uri.IsHexDigit)]);

        private static void Expect(SmtpReply reply, int code, string step, bool message = false)
        {
            if (reply.Code == code)
            {
                return;
            }

            var permanent = message && reply.IsPermanentNegative;
            var kind = permanent ? "refused" : reply.IsTransientNegative ? "temporarily refused" : "answered unexpectedly to";
            throw new SmtpException($"The SMTP server {kind} {step}: {reply}", reply, permanent);
        }

        private async Task<SmtpReply> CommandAsync(string command, CancellationToken ct)
        {
            if (command.Contains('\r', StringComparison.Ordinal) || command.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException("An SMTP command is one line.", nameof(command));
            }

            await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), ct);
            await _stream.FlushAsync(ct);
            return await ReadReplyAsync(ct);
        }

        private async Task<SmtpReply> ReadReplyAsync(CancellationToken ct)
        {
            var lines = new List<string>();
            while (true)
            {
                var line = await ReadLineAsync(ct);
                if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]) ||
                    (line.Length > 3 && line[3] is not ' ' and not '-'))
                {
                    throw new SmtpException($"The SMTP server sent a malformed reply line: '{Printable(line)}'.", null, permanent: false);
                }

                var code = int.Parse(line.AsSpan(0, 3), CultureInfo.InvariantCulture);
                lines.Add(line.Length > 4 ? line[4..] : string.Empty);
                if (line.Length == 3 || line[3] == ' ')
                {
                    return new SmtpReply(code, lines);
                }
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken ct)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var length = newline - _start;
                    if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                    {
                        length--;
                    }

                    var line = Encoding.UTF8.GetString(_buffer, _start, length);
                    _start = newline + 1;
                    return line;
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    throw new SmtpException("The SMTP server sent a reply line longer than 8 KiB.", null, permanent: false);
                }

                var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct);
                if (read == 0)
                {
                    throw new SmtpException("The SMTP server closed the connection.", null, permanent: false);
                }

                _end += read;
            }
        }

        private static string Printable(string line) =>
            new([.. line.Take(200).Select(c => c is < ' ' or > '~' ? '?' : c)]);

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            _tcp.Dispose();
        }
    }
}
