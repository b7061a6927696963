namespace Loopwise.Features.Email;

/// <summary>
/// A message could not be handed to the SMTP server. <see cref="Permanent"/>: the server refused the message itself
/// with a 5xx reply to MAIL, RCPT or DATA (do not retry); otherwise transient (4xx, connection, TLS, authentication,
/// timeout: retry later).
/// </summary>
public sealed class SmtpException : Exception
{
    public SmtpException()
    {
    }

    public SmtpException(string message)
        : base(message)
    {
    }

    public SmtpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmtpException(string message, SmtpReply? reply, bool permanent, Exception? innerException = null)
        : base(message, innerException)
    {
        Reply = reply;
        Permanent = permanent;
    }

    /// <summary>The server's reply that caused this, when there was one.</summary>
    public SmtpReply? Reply { get; }

    public bool Permanent { get; }
}
