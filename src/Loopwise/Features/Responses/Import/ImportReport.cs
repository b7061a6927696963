namespace Loopwise.Features.Responses.Import;

/// <summary>What an import should do.</summary>
/// <param name="SurveyIdOrToken">Survey id or link token.</param>
/// <param name="Format">Layout of the file.</param>
/// <param name="TouchpointKey">Touchpoint for rows that name none.</param>
/// <param name="Map">Explicit column → question id pairs.</param>
public sealed record ImportRequest(string SurveyIdOrToken, ImportFormat Format, string? TouchpointKey = null, IReadOnlyDictionary<string, string>? Map = null);

/// <summary>One problem of a rejected row.</summary>
/// <param name="Line">Physical line of the file where the row starts (1-based, header rows included).</param>
/// <param name="ResponseId">The source's response id, when the row has one.</param>
/// <param name="Field">The column (or field path) at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RowError(int Line, string? ResponseId, string Field, string Message);

/// <summary>A row not stored because its response id is stored already (or appears earlier in the file).</summary>
public sealed record SkippedRow(int Line, string ResponseId);

/// <summary>Progress of a running import, for a progress bar.</summary>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, int Rows, int Imported);

/// <summary>The outcome of an import: counts, and every rejected or skipped row with its line.</summary>
public sealed record ImportReport(
    Guid SurveyId,
    int Rows,
    int Imported,
    IReadOnlyList<SkippedRow> Duplicates,
    IReadOnlyList<RowError> Errors,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Lines of rejected rows, each once, in file order.</summary>
    public IReadOnlyList<int> RejectedLines => [.. Errors.Select(e => e.Line).Distinct().Order()];

    /// <summary>Writes the rejected rows as CSV: line, response_id, field, message.</summary>
    public async Task WriteErrorsCsvAsync(TextWriter writer)
    {
        await CsvText.WriteRowAsync(writer, ["line", "response_id", "field", "message"]);
        foreach (var error in Errors)
        {
            await CsvText.WriteRowAsync(writer, [error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ResponseId, error.Field, error.Message]);
        }
    }
}
