using System.Text;
using Loopwise.Core.Email;

namespace Loopwise.Core.Tests.Email;

public class MimeWriterTests
{
    private static readonly DateTimeOffset Date = new(2026, 12, 1, 8, 5, 9, TimeSpan.Zero);

    [Fact]
    public void Ascii_header_text_is_left_as_it_is_and_unicode_becomes_utf8_b_words()
    {
        Assert.Equal("Your feedback, please", EncodedWords.Encode("Your feedback, please"));
        // "Grüße" = 47 72 C3 BC C3 9F 65 → base64 "R3LDvMOfZQ==".
        Assert.Equal("=?UTF-8?B?R3LDvMOfZQ==?=", EncodedWords.Encode("Grüße"));
        // Text that looks like an encoded-word is encoded too.
        Assert.StartsWith("=?UTF-8?B?", EncodedWords.Encode("=?x?="), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_unicode_text_is_split_into_words_of_at_most_75_characters_on_character_boundaries()
    {
        // 40 × "é" (2 bytes each) and 10 × "😀" (4 bytes each): 120 bytes; at most 45 bytes per word, whole characters.
        var text = string.Concat(Enumerable.Repeat("é", 40)) + string.Concat(Enumerable.Repeat("😀", 10));
        var words = EncodedWords.Words(text);
        Assert.All(words, w => Assert.True(w.Length <= EncodedWords.MaxWordLength, w));
        Assert.All(words, w => Assert.StartsWith("=?UTF-8?B?", w, StringComparison.Ordinal));
        // Each word decodes on its own (no character split across words).
        var pieces = words.Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w[10..^2]))).ToList();
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(pieces));
        Assert.Equal(text, EncodedWords.Decode(EncodedWords.Encode(text)));
    }

    [Fact]
    public void Display_names_are_atoms_quoted_strings_or_encoded_words()
    {
        Assert.Equal("Loopwise <noreply@example.test>", MimeWriter.Mailbox(new EmailAddress("noreply@example.test", "Loopwise")));
        Assert.Equal("\"Acme, Inc. \\\"CX\\\"\" <cx@example.test>", MimeWriter.Mailbox(new EmailAddress("cx@example.test", "Acme, Inc. \"CX\"")));
        Assert.Equal("=?UTF-8?B?SsO8cmdlbg==?= <j@example.test>", MimeWriter.Mailbox(new EmailAddress("j@example.test", "Jürgen")));
        Assert.Equal("a@example.test", MimeWriter.Mailbox(new EmailAddress("a@example.test")));
    }

    [Fact]
    public void Quoted_printable_escapes_equals_non_ascii_and_trailing_space_and_keeps_lines_within_76()
    {
        // "a=b" → "a=3Db"; "é" = C3 A9; a trailing space is encoded (=20); CRLF, LF and CR all become hard breaks.
        Assert.Equal("a=3Db =C3=A9=20\r\nx\r\ny\r\nz", QuotedPrintable.Encode("a=b é \r\nx\ny\rz"));

        // 100 "x": 75 + "=" soft break, then 25.
        var encoded = QuotedPrintable.Encode(new string('x', 100));
        Assert.Equal(new string('x', 75) + "=\r\n" + new string('x', 25), encoded);

        // A line of "é" never splits an "=XX" and never passes 76 characters.
        var accents = string.Concat(Enumerable.Repeat("é", 60));
        var lines = QuotedPrintable.Encode(accents).Split("\r\n");
        Assert.All(lines, l => Assert.True(l.Length <= QuotedPrintable.MaxLineLength, l));
        Assert.All(lines[..^1], l => Assert.EndsWith("=", l, StringComparison.Ordinal));
        Assert.Equal(accents, QuotedPrintable.Decode(QuotedPrintable.Encode(accents)));
    }

    [Fact]
    public void Dates_are_rfc_5322()
    {
        Assert.Equal("Tue, 01 Dec 2026 08:05:09 +0000", MimeWriter.Date(Date));
        Assert.Equal("Tue, 01 Dec 2026 03:05:09 -0530", MimeWriter.Date(new DateTimeOffset(2026, 12, 1, 3, 5, 9, new TimeSpan(-5, -30, 0))));
    }

    [Fact]
    public void A_message_with_html_is_multipart_alternative_with_both_bodies_and_the_one_click_unsubscribe_headers()
    {
        var content = new EmailContent(
            new EmailAddress("surveys@example.test", "Acme Surveys"), new EmailAddress("ana@example.test", "Ana"),
            "Ihre Meinung zählt", "Hallo Ana,\n.\nBitte: https://x.test/i/acme/T0k3n", "<p>Hallo <b>Ana</b></p>",
            "0193a1b2c3d4@example.test", Date, "https://x.test/u/UnSub");
        var text = MimeWriter.Write(content);

        Assert.DoesNotContain(text, c => c > '~' || (c < ' ' && c is not '\r' and not '\n'));
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var (headers, body) = Split(text);
        Assert.Equal("Acme Surveys <surveys@example.test>", headers["From"]);
        Assert.Equal("Ana <ana@example.test>", headers["To"]);
        Assert.Equal("Ihre Meinung zählt", EncodedWords.Decode(headers["Subject"]));
        Assert.Equal("Tue, 01 Dec 2026 08:05:09 +0000", headers["Date"]);
        Assert.Equal("<0193a1b2c3d4@example.test>", headers["Message-ID"]);
        Assert.Equal("<https://x.test/u/UnSub>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        var boundary = MimeWriter.Boundary(content.MessageId);
        Assert.Equal($"multipart/alternative; boundary=\"{boundary}\"", headers["Content-Type"]);

        var parts = body.Split("--" + boundary);
        Assert.Equal(4, parts.Length); // preamble, text, html, "--" epilogue
        Assert.Equal("--\r\n", parts[3]);
        var (textHeaders, textBody) = Split(parts[1].TrimStart('\r', '\n'));
        Assert.Equal("text/plain; charset=utf-8", textHeaders["Content-Type"]);
        Assert.Equal("quoted-printable", textHeaders["Content-Transfer-Encoding"]);
        Assert.Equal("Hallo Ana,\r\n.\r\nBitte: https://x.test/i/acme/T0k3n\r\n", QuotedPrintable.Decode(textBody));
        var (htmlHeaders, htmlBody) = Split(parts[2].TrimStart('\r', '\n'));
        Assert.Equal("text/html; charset=utf-8", htmlHeaders["Content-Type"]);
        Assert.Equal("<p>Hallo <b>Ana</b></p>\r\n", QuotedPrintable.Decode(htmlBody));

        // The same content writes the same bytes (a resend after a crash is the same message).
        Assert.Equal(text, MimeWriter.Write(content));
    }

    [Fact]
    public void A_text_only_message_without_unsubscribe_is_a_single_text_part()
    {
        var text = MimeWriter.Write(new EmailContent(new EmailAddress("a@example.test"), new EmailAddress("b@example.test"),
            "Alert\r\nBcc: evil@example.test", "Hi", null, "m1@example.test", Date));
        var (headers, body) = Split(text);
        Assert.Equal("Alert Bcc: evil@example.test", headers["Subject"]); // no header injection through a line break
        Assert.False(headers.ContainsKey("Bcc"));
        Assert.False(headers.ContainsKey("List-Unsubscribe"));
        Assert.Equal("text/plain; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("Hi\r\n", body);
    }

    [Fact]
    public void Invalid_addresses_are_refused()
    {
        Assert.False(EmailAddress.IsValid("no-at-sign.example"));
        Assert.False(EmailAddress.IsValid("a@b"));
        Assert.False(EmailAddress.IsValid("a b@example.test"));
        Assert.False(EmailAddress.IsValid("a@example.test>\r\nRCPT TO:<x@y.z"));
        Assert.True(EmailAddress.IsValid("first.last+tag@sub.example.test"));
        Assert.Throws<ArgumentException>(() => MimeWriter.Write(new EmailContent(new EmailAddress("a@example.test"),
            new EmailAddress("bad"), "s", "t", null, "m@example.test", Date)));
    }

    /// <summary>Unfolded headers and the body of a MIME entity.</summary>
    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = entity[..end].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var headers = head.Split("\r\n").Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return (headers, entity[(end + 4)..]);
    }
}
