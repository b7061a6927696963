using System.Globalization;
using System.Text;

namespace Loopwise.Core.Email;

/// <summary>
/// Writes an <see cref="EmailContent"/> as an RFC 5322 / MIME message in 7-bit ASCII with CRLF line ends: headers
/// (non-ASCII as RFC 2047 encoded-words, folded), UTF-8 quoted-printable bodies, <c>multipart/alternative</c> when there
/// is an HTML body, and <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058)
/// when there is an unsubscribe address. The output is a function of the content alone (the boundary comes from the
/// Message-ID), so a message written again after a crash is the same message, byte for byte.
/// </summary>
public static class MimeWriter
{
    /// <summary>Writes the message (headers, blank line, body), ending with CRLF.</summary>
    public static string Write(EmailContent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!EmailAddress.IsValid(message.From.Address))
        {
            throw new ArgumentException($"'{message.From.Address}' is not a valid sender address.", nameof(message));
        }

        if (!EmailAddress.IsValid(message.To.Address))
        {
            throw new ArgumentException($"'{message.To.Address}' is not a valid recipient address.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId.Any(c => c is <= ' ' or > '~' or '<' or '>'))
        {
            throw new ArgumentException("A Message-ID is printable ASCII without spaces or angle brackets.", nameof(message));
        }

        var output = new StringBuilder();
        Header(output, "From", Mailbox(message.From));
        Header(output, "To", Mailbox(message.To));
        Header(output, "Subject", EncodedWords.Encode(OneLine(message.Subject)));
        Header(output, "Date", Date(message.Date));
        Header(output, "Message-ID", "<" + message.MessageId + ">");
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            if (unsubscribe.Any(c => c is <= ' ' or > '~' or '<' or '>'))
            {
                throw new ArgumentException("The unsubscribe address is a URL of printable ASCII.", nameof(message));
            }

            Header(output, "List-Unsubscribe", "<" + unsubscribe + ">");
            Header(output, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        Header(output, "MIME-Version", "1.0");
        if (message.Html is null)
        {
            TextPart(output, "text/plain", message.Text);
            return output.ToString();
        }

        var boundary = Boundary(message.MessageId);
        Header(output, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        output.Append("\r\n");
        output.Append("This is a multi-part message in MIME format.\r\n");
        output.Append("--").Append(boundary).Append("\r\n");
        TextPart(output, "text/plain", message.Text);
        output.Append("--").Append(boundary).Append("\r\n");
        TextPart(output, "text/html", message.Html);
        output.Append("--").Append(boundary).Append("--\r\n");
        return output.ToString();
    }

    /// <summary>The RFC 5322 date: <c>Tue, 01 Dec 2026 08:00:00 +0000</c>.</summary>
    public static string Date(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) +
            string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    /// <summary>A mailbox for a header: <c>name &lt;address&gt;</c>, or the bare address without a name.</summary>
    public static string Mailbox(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.IsNullOrWhiteSpace(address.DisplayName)
            ? address.Address
            : EncodedWords.EncodePhrase(OneLine(address.DisplayName)) + " <" + address.Address + ">";
    }

    /// <summary>The multipart boundary for a message: derived from its Message-ID, never found in quoted-printable text.</summary>
    public static string Boundary(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(messageId));
        // "=_" cannot occur in quoted-printable output ('=' is always followed by two hex digits or a line end).
        return "=_lw_" + Convert.ToHexStringLower(hash, 0, 12);
    }

    private static void TextPart(StringBuilder output, string mediaType, string text)
    {
        Header(output, "Content-Type", mediaType + "; charset=utf-8");
        Header(output, "Content-Transfer-Encoding", "quoted-printable");
        output.Append("\r\n");
        output.Append(QuotedPrintable.Encode(text));
        output.Append("\r\n");
    }

    private static void Header(StringBuilder output, string name, string value) =>
        output.Append(name).Append(": ").Append(value).Append("\r\n");

    private static string OneLine(string value) =>
        value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Trim();
}
