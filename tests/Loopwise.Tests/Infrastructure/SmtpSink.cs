using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Loopwise.Core.Email;

namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: <c>scripts/smtp-sink.mjs</c> (smtp-server from package-lock.json) run with node. It
/// writes every message it accepts as a raw .eml file (and its envelope as .json) into its own directory, which
/// <see cref="Messages"/> reads back. Never skipped: without node or the npm packages it fails and says what to run.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private SmtpSink(Process process, int port, string directory, string? thumbprint)
    {
        _process = process;
        Port = port;
        Directory = directory;
        CertificateThumbprint = thumbprint;
    }

    public int Port { get; private set; }

    public string Directory { get; }

    /// <summary>SHA-256 of the sink's self-signed certificate (for <c>Loopwise:Smtp:TrustedCertificateThumbprint</c>), when it has TLS.</summary>
    public string? CertificateThumbprint { get; }

    public sealed record Options
    {
        /// <summary>STARTTLS with a fresh self-signed certificate for localhost.</summary>
        public bool StartTls { get; init; }

        /// <summary>TLS from the first byte (port-465 style) with a fresh self-signed certificate.</summary>
        public bool ImplicitTls { get; init; }

        public string? User { get; init; }

        public string? Password { get; init; }

        /// <summary>Refuse this many messages at the end of DATA (to <see cref="RejectTo"/> only, when set) with <see cref="RejectCode"/>.</summary>
        public int RejectFirst { get; init; }

        public int RejectCode { get; init; } = 451;

        public string? RejectTo { get; init; }

        /// <summary>Refuse this recipient at RCPT TO with <see cref="RefuseCode"/>, always.</summary>
        public string? RefuseRecipient { get; init; }

        public int RefuseCode { get; init; } = 550;

        /// <summary>
        /// Be an idempotent receiver keyed by Message-ID: a message whose Message-ID was already delivered is accepted
        /// (250) but not delivered again; it is kept apart (<see cref="Resends"/>).
        /// </summary>
        public bool DedupeMessageIds { get; init; }
    }

    public static async Task<SmtpSink> StartAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = RepositoryRoot();
        var script = Path.Combine(root, "scripts", "smtp-sink.mjs");
        if (!File.Exists(Path.Combine(root, "node_modules", "smtp-server", "package.json")))
        {
            throw new InvalidOperationException($"The SMTP sink needs the npm packages: run `npm ci` in {root} (node_modules/smtp-server is missing).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "loopwise-smtp-sink", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var arguments = new List<string> { script, "--dir", directory, "--port", "0" };
        string? thumbprint = null;
        if (options.StartTls || options.ImplicitTls)
        {
            (var cert, var key, thumbprint) = WriteCertificate(directory);
            arguments.AddRange(["--tls-cert", cert, "--tls-key", key]);
            if (options.ImplicitTls)
            {
                arguments.Add("--secure");
            }
        }

        if (options.User is not null)
        {
            arguments.AddRange(["--user", options.User, "--password", options.Password ?? string.Empty]);
        }

        if (options.RejectFirst > 0)
        {
            arguments.AddRange(["--reject-first", options.RejectFirst.ToString(CultureInfo.InvariantCulture), "--reject-code", options.RejectCode.ToString(CultureInfo.InvariantCulture)]);
            if (options.RejectTo is not null)
            {
                arguments.AddRange(["--reject-to", options.RejectTo]);
            }
        }

        if (options.RefuseRecipient is not null)
        {
            arguments.AddRange(["--refuse-rcpt", options.RefuseRecipient, "--refuse-code", options.RefuseCode.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.DedupeMessageIds)
        {
            arguments.Add("--dedupe-message-id");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The SMTP sink runs on Node.js: install node (and run `npm ci`); e-mail tests never skip.", e);
        }

        var sink = new SmtpSink(process, 0, directory, thumbprint);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (sink._stderr)
                {
                    sink._stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (!int.TryParse(first, CultureInfo.InvariantCulture, out var port))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"The SMTP sink did not start (first line '{first}'): {sink.Errors}");
        }

        await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)); // "ready"
        sink.Port = port;
        return sink;
    }

    /// <summary>What the sink wrote on stderr.</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedEmail> Messages() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal).Select(ReceivedEmail.Read)];

    /// <summary>How many messages have been delivered so far (cheap: counts files, parses nothing).</summary>
    public int DeliveredCount => System.IO.Directory.EnumerateFiles(Directory, "*.eml").Count();

    /// <summary>
    /// With <see cref="Options.DedupeMessageIds"/>: the copies that arrived with a Message-ID already delivered,
    /// accepted and not delivered again, in order of arrival.
    /// </summary>
    public IReadOnlyList<ReceivedEmail> Resends() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.resend").Order(StringComparer.Ordinal).Select(ReceivedEmail.Read)];

    /// <summary>Messages to <paramref name="address"/>, in order of arrival.</summary>
    public IReadOnlyList<ReceivedEmail> MessagesTo(string address) =>
        [.. Messages().Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind is harmless
        }
    }

    private static (string Cert, string Key, string Thumbprint) WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var certPath = Path.Combine(directory, "sink-cert.pem");
        var keyPath = Path.Combine(directory, "sink-key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Loopwise.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Loopwise.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// A message as the sink received it: the raw text, its (unfolded) top-level headers, its envelope, and its text and
/// HTML bodies decoded (single part or multipart/alternative, quoted-printable or 7bit).
/// </summary>
public sealed class ReceivedEmail
{
    private ReceivedEmail(string raw, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> envelopeTo, string? text, string? html, string? user)
    {
        Raw = raw;
        Headers = headers;
        EnvelopeTo = envelopeTo;
        Text = text;
        Html = html;
        AuthenticatedUser = user;
    }

    public string Raw { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyList<string> EnvelopeTo { get; }

    public string? AuthenticatedUser { get; }

    public string? Text { get; }

    public string? Html { get; }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No {name} header in:\n{Raw}");

    /// <summary>The subject with its encoded-words decoded.</summary>
    public string Subject => EncodedWords.Decode(Header("Subject"));

    public string MessageId => Header("Message-ID");

    public static ReceivedEmail Read(string path)
    {
        var raw = File.ReadAllText(path, Encoding.UTF8);
        using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
        var to = envelope.RootElement.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToList();
        var user = envelope.RootElement.GetProperty("user").ValueKind == JsonValueKind.String ? envelope.RootElement.GetProperty("user").GetString() : null;
        var (headers, body) = Split(raw);
        string? text = null, html = null;
        var type = headers.GetValueOrDefault("Content-Type") ?? "text/plain";
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = type[(type.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase) + 9)..].Trim('"');
            foreach (var part in body.Split("--" + boundary).Skip(1))
            {
                if (part.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = Split(part.TrimStart('\r', '\n'));
                Assign(partHeaders, partBody, ref text, ref html);
            }
        }
        else
        {
            Assign(headers, body, ref text, ref html);
        }

        return new ReceivedEmail(raw, headers, to, text, html, user);
    }

    private static void Assign(Dictionary<string, string> headers, string body, ref string? text, ref string? html)
    {
        var decoded = string.Equals(headers.GetValueOrDefault("Content-Transfer-Encoding"), "quoted-printable", StringComparison.OrdinalIgnoreCase)
            ? QuotedPrintable.Decode(body)
            : body;
        if ((headers.GetValueOrDefault("Content-Type") ?? "text/plain").StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            html = decoded;
        }
        else
        {
            text = decoded;
        }
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var body = end < 0 ? string.Empty : entity[(end + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return (headers, body);
    }
}
