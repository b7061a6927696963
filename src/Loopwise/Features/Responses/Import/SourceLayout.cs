using System.Text.Json;

namespace Loopwise.Features.Responses.Import;

/// <summary>Where a response file comes from: each tool lays out its header rows differently.</summary>
public enum ImportFormat
{
    /// <summary>Plain CSV: one header row of question ids (or texts) and optional response_id, customer_id, touchpoint, language, started_at, completed_at.</summary>
    Csv,

    /// <summary>Qualtrics "CSV" download: row 1 column ids, row 2 question texts, row 3 ImportId JSON; data from row 4.</summary>
    Qualtrics,

    /// <summary>SurveyMonkey "All responses data" CSV: row 1 question texts (blank over sub-columns), row 2 sub-labels; data from row 3.</summary>
    SurveyMonkey,
}

/// <summary>What a column holds, besides answers.</summary>
public enum ColumnRole
{
    Ignored,
    Answer,
    ResponseId,
    StartedAt,
    CompletedAt,
    Language,
    CustomerId,
    Email,
    Touchpoint,
    Finished,
}

/// <summary>A column as the header rows describe it.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="Id">The column's own id (Qualtrics row 1, plain CSV header; for SurveyMonkey the question text of its group).</param>
/// <param name="Text">Question text (Qualtrics row 2, SurveyMonkey row 1 carried over its sub-columns).</param>
/// <param name="ImportId">Qualtrics row 3 ImportId.</param>
/// <param name="SubLabel">SurveyMonkey row 2: "Response", "Open-Ended Response" or an option label.</param>
/// <param name="TimeZone">Qualtrics row 3 timeZone of a date column.</param>
/// <param name="Group">SurveyMonkey: index of the first column of the question group.</param>
public sealed record SourceColumn(int Index, string Id, string? Text, string? ImportId, string? SubLabel, string? TimeZone, int Group)
{
    /// <summary>How the column is named in reports.</summary>
    public string Name => Id.Length > 0 ? Id : Text ?? $"column {Index + 1}";
}

/// <summary>Reads the header rows of each format into <see cref="SourceColumn"/>s.</summary>
public static class SourceLayout
{
    public static readonly string[] SurveyMonkeyFixedColumns =
        ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"];

    /// <summary>Number of header rows of <paramref name="format"/>.</summary>
    public static int HeaderRows(ImportFormat format) => format switch
    {
        ImportFormat.Qualtrics => 3,
        ImportFormat.SurveyMonkey => 2,
        _ => 1,
    };

    /// <summary>The columns, or an error message when the header rows do not look like <paramref name="format"/>.</summary>
    public static (IReadOnlyList<SourceColumn> Columns, string? Error) Read(ImportFormat format, IReadOnlyList<CsvRecord> headers) => format switch
    {
        ImportFormat.Qualtrics => Qualtrics(headers),
        ImportFormat.SurveyMonkey => SurveyMonkey(headers),
        _ => ([.. headers[0].Fields.Select((id, i) => new SourceColumn(i, id.Trim(), null, null, null, null, i))], null),
    };

    private static (IReadOnlyList<SourceColumn>, string?) Qualtrics(IReadOnlyList<CsvRecord> headers)
    {
        var ids = headers[0].Fields;
        var texts = headers[1].Fields;
        var imports = headers[2].Fields;
        if (!imports.Any(f => f.Contains("ImportId", StringComparison.Ordinal)))
        {
            return ([], $"Line {headers[2].Line} should hold Qualtrics ImportId cells such as {{\"ImportId\":\"QID1\"}}: is this a Qualtrics export with three header rows (the legacy two-row layout is not supported)?");
        }

        var columns = new List<SourceColumn>();
        for (var i = 0; i < ids.Length; i++)
        {
            string? importId = null;
            string? timeZone = null;
            var cell = i < imports.Length ? imports[i].Trim() : string.Empty;
            if (cell.StartsWith('{'))
            {
                try
                {
                    using var json = JsonDocument.Parse(cell);
                    importId = json.RootElement.TryGetProperty("ImportId", out var id) ? id.GetString() : null;
                    timeZone = json.RootElement.TryGetProperty("timeZone", out var zone) ? zone.GetString() : null;
                }
                catch (JsonException)
                {
                    // Not JSON after all: the column is still usable by its id and text.
                }
            }

            columns.Add(new SourceColumn(i, ids[i].Trim(), i < texts.Length ? texts[i].Trim() : null, importId, null, timeZone, i));
        }

        return (columns, null);
    }

    private static (IReadOnlyList<SourceColumn>, string?) SurveyMonkey(IReadOnlyList<CsvRecord> headers)
    {
        var texts = headers[0].Fields;
        var subs = headers[1].Fields;
        if (texts.Length < 1 || !string.Equals(texts[0].Trim(), "Respondent ID", StringComparison.OrdinalIgnoreCase))
        {
            return ([], $"Line {headers[0].Line} should start with \"Respondent ID\": is this a SurveyMonkey \"all responses\" CSV export?");
        }

        var columns = new List<SourceColumn>();
        var groupText = string.Empty;
        var group = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i].Trim();
            if (text.Length > 0 || i < SurveyMonkeyFixedColumns.Length)
            {
                groupText = text;
                group = i;
            }

            var sub = i < subs.Length ? subs[i].Trim() : string.Empty;
            columns.Add(new SourceColumn(i, groupText, groupText, null, sub.Length == 0 ? null : sub, null, group));
        }

        return (columns, null);
    }
}
