using System.Globalization;
using System.Text;

namespace Loopwise.Features.Invitations;

/// <summary>Writes the links CSV: <c>external_id,email,name,language,link,expires_at</c> (expiry in ISO 8601 UTC).</summary>
public static class LinksCsv
{
    public const string Header = "external_id,email,name,language,link,expires_at";

    public static string Write(IEnumerable<CreatedLink> links)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var link in links)
        {
            csv.Append(Cell(link.ExternalId)).Append(',')
                .Append(Cell(Safe(link.Email))).Append(',')
                .Append(Cell(Safe(link.Name))).Append(',')
                .Append(Cell(link.Language)).Append(',')
                .Append(Cell(link.Link)).Append(',')
                .Append(link.ExpiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    // A spreadsheet runs a cell that starts with = + - @ as a formula: people-entered text gets a leading quote.
    private static string? Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
