using System.Text;
using Loopwise.Features.Email;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loopwise.Tests.Features.Email;

/// <summary>The SMTP client alone against the sink: implicit TLS, certificate trust, failed authentication, no server configured.</summary>
public sealed class SmtpTransportTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("From: a@example.test\r\nTo: b@example.test\r\nSubject: hi\r\n\r\n.leading dot\r\nbye\r\n");

    private readonly SmtpTransport _transport = new(NullLogger<SmtpTransport>.Instance);

    [Fact]
    public async Task Implicit_tls_delivers_with_the_trusted_thumbprint_and_an_untrusted_certificate_is_a_transient_failure()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSink.Options { ImplicitTls = true });
        var options = new SmtpOptions { Host = "localhost", Port = sink.Port, Security = SmtpSecurity.Tls, FromAddress = "a@example.test", TrustedCertificateThumbprint = sink.CertificateThumbprint };

        var reply = await _transport.SendAsync(options, "a@example.test", "b@example.test", Message, CancellationToken.None);
        Assert.Equal(250, reply.Code);
        var received = Assert.Single(sink.Messages());
        Assert.Equal(".leading dot\r\nbye\r\n", received.Text); // dot-stuffed on the wire, restored by the server

        options.TrustedCertificateThumbprint = null;
        var untrusted = await Assert.ThrowsAsync<SmtpException>(() => _transport.SendAsync(options, "a@example.test", "b@example.test", Message, CancellationToken.None));
        Assert.False(untrusted.Permanent);
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task Wrong_credentials_and_a_missing_starttls_are_transient_failures_and_nothing_is_sent()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSink.Options { StartTls = true, User = "u", Password = "right" });
        var options = new SmtpOptions
        {
            Host = "localhost", Port = sink.Port, Security = SmtpSecurity.StartTls, FromAddress = "a@example.test", UserName = "u", Password = "wrong",
            TrustedCertificateThumbprint = sink.CertificateThumbprint,
        };
        var auth = await Assert.ThrowsAsync<SmtpException>(() => _transport.SendAsync(options, "a@example.test", "b@example.test", Message, CancellationToken.None));
        Assert.False(auth.Permanent);
        Assert.Equal(535, auth.Reply!.Code);

        await using var plain = await SmtpSink.StartAsync(new SmtpSink.Options());
        var noTls = await Assert.ThrowsAsync<SmtpException>(() => _transport.SendAsync(
            new SmtpOptions { Host = "localhost", Port = plain.Port, Security = SmtpSecurity.StartTls, FromAddress = "a@example.test" },
            "a@example.test", "b@example.test", Message, CancellationToken.None));
        Assert.Contains("does not offer STARTTLS", noTls.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Messages());
        Assert.Empty(plain.Messages());

        // Without TLS or AUTH the plain sink takes it.
        Assert.Equal(250, (await _transport.SendAsync(
            new SmtpOptions { Host = "127.0.0.1", Port = plain.Port, Security = SmtpSecurity.None, FromAddress = "a@example.test" },
            "a@example.test", "b@example.test", Message, CancellationToken.None)).Code);
        Assert.Single(plain.Messages());
    }

    [Fact]
    public async Task Without_a_configured_host_sending_fails_transiently_and_says_so()
    {
        var error = await Assert.ThrowsAsync<SmtpException>(() => _transport.SendAsync(new SmtpOptions(), "a@example.test", "b@example.test", Message, CancellationToken.None));
        Assert.False(error.Permanent);
        Assert.Equal(SmtpOptions.NotConfiguredError, error.Message);
    }
}
