using System.Text;

namespace Loopwise.Features.Responses.Import;

/// <summary>One CSV record and the physical line of the file it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// An RFC 4180 reader that knows where each record starts in the file: quoted fields may span lines, so a record's
/// index is not its line number, and people fixing a rejected row need the line their editor shows. Accepts
/// CRLF, LF and CR line ends; a byte-order mark is removed by the <see cref="StreamReader"/>.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The next record, or null at the end of the file. Blank lines are skipped.</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            var start = _line;
            var fields = ReadFields(out var sawAnything);
            if (fields is null)
            {
                return null;
            }

            if (sawAnything)
            {
                return new CsvRecord(start, fields);
            }
        }
    }

    private string[]? ReadFields(out bool sawAnything)
    {
        sawAnything = false;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var wasQuoted = false;
        int c;
        if (reader.Peek() < 0)
        {
            return null;
        }

        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                    {
                        _line++;
                    }

                    _field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    sawAnything = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    sawAnything = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    _line++;
                    fields.Add(_field.ToString());
                    return fields.ToArray();
                default:
                    _field.Append(ch);
                    sawAnything = true;
                    break;
            }
        }

        fields.Add(_field.ToString());
        return fields.ToArray();
    }
}

/// <summary>Writes CSV fields (RFC 4180 quoting), invariant by construction: callers pass text.</summary>
public static class CsvText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] is ' ' || value[^1] is ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync(Escape(field));
            first = false;
        }

        await writer.WriteAsync("\r\n");
    }
}
