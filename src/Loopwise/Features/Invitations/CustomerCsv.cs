using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Loopwise.Features.Invitations;

/// <summary>
/// Reads a customers CSV (RFC 4180; comma or semicolon; UTF-8 with or without BOM): columns <c>external_id</c> (or
/// <c>customer_id</c>), <c>email</c>, <c>name</c>, <c>language</c>; any other column becomes an attribute. Every
/// rejected row is reported with the line number it starts on, so a person can fix the file.
/// </summary>
public static partial class CustomerCsv
{
    public const int MaxExternalId = 200;

    public sealed record Parsed(IReadOnlyList<CustomerRow> Rows, IReadOnlyList<RejectedRow> Rejected, string? Error);

    public static Parsed Parse(string text)
    {
        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            return new([], [], "The file is empty: the first line must name the columns (external_id, email, name, language, ...).");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var idColumn = header.IndexOf("external_id") is var i and >= 0 ? i : header.IndexOf("customer_id");
        if (idColumn < 0)
        {
            return new([], [], "The first line has no external_id (or customer_id) column.");
        }

        var rows = new List<CustomerRow>();
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                rejected.Add(new(line, FormattableString.Invariant($"has {fields.Count} fields; the header has {header.Count}")));
                continue;
            }

            string? Field(string name) => header.IndexOf(name) is var c and >= 0 && !string.IsNullOrWhiteSpace(fields[c]) ? fields[c].Trim() : null;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                if (c != idColumn && header[c] is not ("email" or "name" or "language" or "external_id" or "customer_id") && header[c].Length > 0
                    && !string.IsNullOrWhiteSpace(fields[c]))
                {
                    attributes[header[c]] = fields[c].Trim();
                }
            }

            var result = Validate(line, fields[idColumn].Trim(), Field("email"), Field("name"), Field("language"), attributes, seen);
            if (result.Row is { } row)
            {
                rows.Add(row);
            }
            else
            {
                rejected.Add(result.Rejected!);
            }
        }

        return new(rows, rejected, null);
    }

    /// <summary>Checks one customer's fields (shared by the CSV and the JSON API); <paramref name="seen"/> catches duplicates.</summary>
    public static (CustomerRow? Row, RejectedRow? Rejected) Validate(
        int line, string? externalId, string? email, string? name, string? language, IReadOnlyDictionary<string, string> attributes, Dictionary<string, int> seen)
    {
        if (string.IsNullOrWhiteSpace(externalId))
        {
            return (null, new(line, "external_id is empty"));
        }

        externalId = externalId.Trim();
        if (externalId.Length > MaxExternalId)
        {
            return (null, new(line, FormattableString.Invariant($"external_id is longer than {MaxExternalId} characters")));
        }

        if (email is not null && (email.Length > 320 || !EmailPattern().IsMatch(email)))
        {
            return (null, new(line, $"email '{email}' is not a valid e-mail address"));
        }

        if (name is not null && name.Length > 200)
        {
            return (null, new(line, "name is longer than 200 characters"));
        }

        if (language is not null && !LanguagePattern().IsMatch(language))
        {
            return (null, new(line, $"language '{language}' is not a language tag such as en or fr-CA"));
        }

        if (seen.TryGetValue(externalId, out var first))
        {
            return (null, new(line, string.Create(CultureInfo.InvariantCulture, $"external_id '{externalId}' repeats line {first}")));
        }

        seen[externalId] = line;
        return (new CustomerRow(line, externalId, email, name, language, attributes), null);
    }

    /// <summary>The CSV's records with the line each starts on (quoted fields may span lines).</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Records(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstLine = text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? text[..end] : text;
        var delimiter = firstLine.Contains(';', StringComparison.Ordinal) && !firstLine.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var line = 1;
        var start = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (c == '"')
            {
                quoted = true;
                any = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (any || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    yield return (start, fields);
                }

                fields = [];
                field.Clear();
                any = false;
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
