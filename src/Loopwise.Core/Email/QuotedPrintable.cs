using System.Text;

namespace Loopwise.Core.Email;

/// <summary>
/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies: line breaks become CRLF hard breaks, bytes outside printable
/// ASCII and <c>=</c> become <c>=XX</c>, white space before a line break is encoded, and lines longer than 76
/// characters get soft breaks (<c>=</c> at the end), never inside an <c>=XX</c>.
/// </summary>
public static class QuotedPrintable
{
    /// <summary>The longest encoded line, soft-break <c>=</c> included.</summary>
    public const int MaxLineLength = 76;

    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes <paramref name="text"/> (any line breaks: CRLF, LF or CR) as UTF-8 quoted-printable with CRLF line ends.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var output = new StringBuilder(text.Length + (text.Length / 8));
        for (var n = 0; n < lines.Length; n++)
        {
            if (n > 0)
            {
                output.Append("\r\n");
            }

            EncodeLine(Encoding.UTF8.GetBytes(lines[n]), output);
        }

        return output.ToString();
    }

    /// <summary>Decodes quoted-printable text (soft breaks removed, <c>=XX</c> turned into bytes); for tests and the log.</summary>
    public static string Decode(string encoded) => Encoding.UTF8.GetString(DecodeBytes(encoded));

    /// <summary>The bytes <paramref name="encoded"/> stands for.</summary>
    public static byte[] DecodeBytes(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c != '=')
            {
                bytes.Add((byte)c);
                continue;
            }

            if (encoded.AsSpan(i + 1).StartsWith("\r\n", StringComparison.Ordinal))
            {
                i += 2;
            }
            else if (i + 1 < encoded.Length && encoded[i + 1] == '\n')
            {
                i += 1;
            }
            else if (i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(encoded[i + 1]) << 4) | Uri.FromHex(encoded[i + 2])));
                i += 2;
            }
            else
            {
                throw new FormatException($"Bad quoted-printable escape at {i}.");
            }
        }

        return [.. bytes];
    }

    private static void EncodeLine(byte[] line, StringBuilder output)
    {
        var length = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            var last = i == line.Length - 1;
            var literal = b is >= 33 and <= 126 && b != (byte)'=' || (b is (byte)' ' or (byte)'\t' && !last);
            var piece = literal ? 1 : 3;
            // Room for this piece, and for the soft-break '=' unless this is the line's last piece.
            if (length + piece > MaxLineLength - (last ? 0 : 1))
            {
                output.Append("=\r\n");
                length = 0;
            }

            if (literal)
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }

            length += piece;
        }
    }
}
