namespace Loopwise.Features.Email;

/// <summary>How Loopwise talks to its SMTP server (<c>Loopwise:Smtp</c>). No host means e-mail is not configured.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Loopwise:Smtp";

    public const string NotConfiguredError = "E-mail is not configured: set Loopwise:Smtp:Host (and Port, Security, From) to send e-mail.";

    /// <summary>The server's host name or address; empty: e-mail is not configured (messages stay queued, then fail).</summary>
    public string? Host { get; set; }

    /// <summary>25/587 for None or StartTls, 465 for Tls; 0 picks by <see cref="Security"/>.</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Set to authenticate (AUTH PLAIN or LOGIN, whichever the server offers). From configuration or the environment only.</summary>
    public string? UserName { get; set; }

    /// <summary>From configuration or the environment (<c>LOOPWISE_Loopwise__Smtp__Password</c>) only; never in the repository.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address (envelope and <c>From</c> header) and the domain of the Message-IDs.</summary>
    public string FromAddress { get; set; } = "loopwise@localhost.localdomain";

    public string? FromName { get; set; } = "Loopwise";

    /// <summary>The name this client gives in EHLO/HELO; empty: the sender address's domain.</summary>
    public string? HeloName { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex) of a certificate to trust even though it does not validate (a self-signed test or
    /// internal server). Certificates are otherwise validated as usual.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>Time allowed for the whole conversation of one message (connect to QUIT).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.Tls => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    public string EffectiveHeloName
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(HeloName))
            {
                return HeloName;
            }

            var at = FromAddress.LastIndexOf('@');
            return at >= 0 && at < FromAddress.Length - 1 ? FromAddress[(at + 1)..] : "localhost";
        }
    }
}
