namespace Loopwise.Features.Email;

/// <summary>One (possibly multi-line) SMTP reply: its three-digit code and its text lines.</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientNegative => Code is >= 400 and < 500;

    public bool IsPermanentNegative => Code >= 500;

    /// <summary>As the server wrote it, lines joined by " / ": <c>451 4.3.0 try later</c>.</summary>
    public override string ToString() =>
        string.Join(" / ", Lines.Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Code} {l}")));
}
