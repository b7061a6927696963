namespace Loopwise.Features.Email;

/// <summary>Where a message stands. Stored in lower case (<c>queued</c>, <c>sent</c>, <c>failed</c>, <c>suppressed</c>).</summary>
public enum EmailStatus
{
    /// <summary>Waiting for its <c>email.send</c> job (first try, a retry after a transient failure, or a sending limit).</summary>
    Queued,

    /// <summary>The SMTP server accepted it (250 to the data).</summary>
    Sent,

    /// <summary>Refused permanently (5xx), or still failing after the last attempt; can be resent.</summary>
    Failed,

    /// <summary>Not sent on purpose: the recipient unsubscribed (or the contact rules say no) after it was queued.</summary>
    Suppressed,
}
