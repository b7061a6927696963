namespace Loopwise.Features.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a local relay).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS before anything else is said (port 587); fails when not offered.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}
