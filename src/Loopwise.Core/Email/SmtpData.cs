namespace Loopwise.Core.Email;

/// <summary>
/// The bytes of an SMTP <c>DATA</c> transfer (RFC 5321 §4.5.2): every line end made CRLF (a lone CR or LF too), a
/// leading <c>.</c> doubled on every line (dot-stuffing), a final CRLF added when missing, then the terminating
/// <c>.</c> line.
/// </summary>
public static class SmtpData
{
    /// <summary>The DATA transfer of <paramref name="message"/>, terminator included.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> message)
    {
        var output = new List<byte>(message.Length + 64);
        var atLineStart = true;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                if (b == (byte)'\r' && i + 1 < message.Length && message[i + 1] == (byte)'\n')
                {
                    i++;
                }

                output.Add((byte)'\r');
                output.Add((byte)'\n');
                atLineStart = true;
                continue;
            }

            if (atLineStart && b == (byte)'.')
            {
                output.Add((byte)'.');
            }

            output.Add(b);
            atLineStart = false;
        }

        if (!atLineStart)
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }

        output.AddRange(".\r\n"u8);
        return [.. output];
    }
}
