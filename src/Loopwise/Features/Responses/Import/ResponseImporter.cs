using System.Globalization;
using System.Text;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Responses.Import;

/// <summary>
/// Imports a Qualtrics, SurveyMonkey or plain CSV export into a survey. Each row is validated like an API response;
/// a bad row is reported with its file line and field errors and never stops the others. Valid rows are stored in
/// chunks through <see cref="ResponseWriter"/>, each chunk in its own transaction, with the source's response id as
/// external id: importing the same file again reports duplicates and stores nothing twice.
/// </summary>
public sealed class ResponseImporter(
    LoopwiseDbContext db,
    ResponseWriter writer,
    CustomerDirectory customers,
    SurveyDefinitions definitions,
    WorkspaceScope scope,
    TimeProvider clock)
{
    public const int ChunkSize = 1_000;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
        "MM/dd/yyyy hh:mm:ss tt", "M/d/yyyy h:mm:ss tt", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt",
    ];

    public async Task<Result<ImportReport>> ImportAsync(ImportRequest request, Stream data, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var survey = await SurveyDefinitions.FindAsync(db, request.SurveyIdOrToken, ct);
        if (survey is null)
        {
            return new Error.NotFound($"There is no survey '{request.SurveyIdOrToken}' in this workspace.");
        }

        if (survey.Status == SurveyStatus.Draft)
        {
            return new Error.Conflict($"The survey '{survey.Name}' is a draft: publish it before importing responses into it.");
        }

        var definition = definitions.Of(survey);
        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.OrdinalIgnoreCase, ct);
        var defaultTouchpoint = Guid.Empty;
        if (!string.IsNullOrWhiteSpace(request.TouchpointKey) && !touchpoints.TryGetValue(request.TouchpointKey.Trim(), out defaultTouchpoint))
        {
            return Error.Invalid.Field("touchpoint", $"There is no touchpoint with key '{request.TouchpointKey}'.");
        }

        using var text = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text);
        var headers = new List<CsvRecord>();
        while (headers.Count < SourceLayout.HeaderRows(request.Format) && csv.Read() is { } header)
        {
            headers.Add(header);
        }

        if (headers.Count < SourceLayout.HeaderRows(request.Format))
        {
            return Error.Invalid.Field("file", $"A {request.Format} export starts with {SourceLayout.HeaderRows(request.Format)} header row(s); this file has {headers.Count}.");
        }

        var (columns, layoutError) = SourceLayout.Read(request.Format, headers);
        if (layoutError is not null)
        {
            return Error.Invalid.Field("file", layoutError);
        }

        var mapping = ColumnMapping.Build(request.Format, columns, definition, request.Map ?? new Dictionary<string, string>());
        if (mapping.Errors.Count > 0)
        {
            return new Error.Invalid(new Dictionary<string, string[]> { ["map"] = [.. mapping.Errors] }, "The columns cannot be matched to the survey's questions.");
        }

        var run = new Run(survey, definition, request.Format, mapping.Columns, touchpoints, defaultTouchpoint, clock.GetUtcNow().UtcDateTime);
        var chunk = new List<PendingRow>(ChunkSize);
        long? total = data.CanSeek ? data.Length : null;
        while (csv.Read() is { } record)
        {
            run.Rows++;
            if (run.ReadRow(record) is { } row)
            {
                chunk.Add(row);
            }

            if (chunk.Count == ChunkSize)
            {
                await FlushAsync(run, chunk, ct);
            }

            if (run.Rows % 200 == 0)
            {
                progress?.Report(new ImportProgress(data.CanSeek ? data.Position : 0, total, run.Rows, run.Imported));
            }
        }

        await FlushAsync(run, chunk, ct);
        progress?.Report(new ImportProgress(total ?? 0, total, run.Rows, run.Imported));
        return new ImportReport(survey.Id, run.Rows, run.Imported, run.Duplicates, [.. run.Errors.OrderBy(e => e.Line)], mapping.Warnings);
    }

    private async Task FlushAsync(Run run, List<PendingRow> chunk, CancellationToken ct)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var ids = chunk.Where(r => r.Response.ExternalId is not null).Select(r => r.Response.ExternalId!).ToList();
        var stored = ids.Count == 0
            ? []
            : (await db.Set<SurveyResponse>().AsNoTracking()
                .Where(r => r.SurveyId == run.Survey.Id && r.ExternalId != null && ids.Contains(r.ExternalId))
                .Select(r => r.ExternalId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<PendingRow>(chunk.Count);
        foreach (var row in chunk)
        {
            if (row.Response.ExternalId is { } id && (stored.Contains(id) || !run.Seen.Add(id)))
            {
                run.Duplicates.Add(new SkippedRow(row.Line, id));
            }
            else
            {
                fresh.Add(row);
            }
        }

        chunk.Clear();
        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            await StoreAsync(run, fresh, ct);
            run.Imported += fresh.Count;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException)
        {
            // Something only the database could see: store row by row, so only the guilty rows are rejected.
            db.ChangeTracker.Clear();
            foreach (var row in fresh)
            {
                try
                {
                    await StoreAsync(run, [row], ct);
                    run.Imported++;
                }
                catch (Exception rowEx) when (rowEx is System.Data.Common.DbException or DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    run.Errors.Add(new RowError(row.Line, row.Response.ExternalId, "row", "The database refused the row: " + (rowEx.InnerException ?? rowEx).Message));
                }
            }
        }
    }

    private async Task StoreAsync(Run run, List<PendingRow> rows, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Customer is not null))
        {
            wanted.TryAdd(row.Customer!, row.Email);
        }

        var customerIds = wanted.Count == 0 ? [] : await customers.ResolveAsync(scope.WorkspaceId, wanted, ct);
        var responses = rows.Select(r => r.Customer is null ? r.Response : r.Response with { CustomerId = customerIds[r.Customer] }).ToList();
        await writer.WriteCompletedAsync(scope.WorkspaceId, responses, new Dictionary<Guid, SurveyDefinition> { [run.Survey.Id] = run.Definition }, ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record PendingRow(int Line, ResponseToStore Response, string? Customer, string? Email);

    /// <summary>The state of one import: mapping, counters and findings.</summary>
    private sealed class Run(
        Survey survey,
        SurveyDefinition definition,
        ImportFormat format,
        IReadOnlyList<MappedColumn> columns,
        Dictionary<string, Guid> touchpoints,
        Guid defaultTouchpoint,
        DateTime now)
    {
        public Survey Survey => survey;

        public SurveyDefinition Definition => definition;

        public int Rows { get; set; }

        public int Imported { get; set; }

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<SkippedRow> Duplicates { get; } = [];

        public List<RowError> Errors { get; } = [];

        public PendingRow? ReadRow(CsvRecord record)
        {
            var errors = new List<(string Field, string Message)>();
            var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            var picked = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? responseId = null, language = null, customer = null, email = null, touchpointKey = null;
            DateTime? startedAt = null, completedAt = null;
            var finished = true;
            var separators = format == ImportFormat.Csv ? ";|" : ",";

            foreach (var column in columns)
            {
                var cell = column.Source.Index < record.Fields.Length ? record.Fields[column.Source.Index].Trim() : string.Empty;
                if (cell.Length == 0 || column.Role == ColumnRole.Ignored)
                {
                    continue;
                }

                switch (column.Role)
                {
                    case ColumnRole.ResponseId:
                        responseId = cell;
                        break;
                    case ColumnRole.Language:
                        language = cell.ToLowerInvariant();
                        break;
                    case ColumnRole.CustomerId:
                        customer = cell;
                        break;
                    case ColumnRole.Email:
                        email = cell;
                        break;
                    case ColumnRole.Touchpoint:
                        touchpointKey = cell;
                        break;
                    case ColumnRole.Finished:
                        finished = cell is "1" || cell.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case ColumnRole.StartedAt or ColumnRole.CompletedAt:
                        var instant = ParseInstant(cell, column.Source.TimeZone);
                        if (instant is null)
                        {
                            errors.Add((column.Source.Name, $"'{cell}' is not a date and time."));
                        }
                        else if (column.Role == ColumnRole.StartedAt)
                        {
                            startedAt = instant;
                        }
                        else
                        {
                            completedAt = instant;
                        }

                        break;
                    case ColumnRole.Answer when column.ChoiceLabel is not null:
                        var chosen = AnswerReader.FindChoice(column.Question!, cell) ?? AnswerReader.FindChoice(column.Question!, column.ChoiceLabel) ?? cell;
                        if (!picked.TryGetValue(column.Question!.Id, out var list))
                        {
                            picked[column.Question.Id] = list = [];
                        }

                        list.Add(chosen);
                        break;
                    case ColumnRole.Answer:
                        var value = AnswerReader.FromCell(column.Question!, cell, separators, out var problem);
                        if (problem is not null)
                        {
                            errors.Add((column.Source.Name, problem));
                        }
                        else
                        {
                            values[column.Question!.Id] = value;
                        }

                        break;
                    default:
                        break;
                }
            }

            foreach (var (questionId, choices) in picked)
            {
                values[questionId] = new AnswerValue(Choices: choices);
            }

            if (!finished)
            {
                errors.Add(("Finished", "The response is not finished (a partial response); only completed responses are imported."));
            }

            var answers = AnswerNormalizer.Normalize(new AnswerSet(values));
            if (errors.Count == 0)
            {
                foreach (var error in AnswerValidator.Validate(definition, answers, AnswerMode.Complete))
                {
                    errors.Add((FieldName(error.Path), error.Message));
                }
            }

            var touchpointId = defaultTouchpoint;
            if (touchpointKey is not null && !touchpoints.TryGetValue(touchpointKey, out touchpointId))
            {
                errors.Add(("touchpoint", $"There is no touchpoint with key '{touchpointKey}'."));
            }

            if (completedAt is null && format != ImportFormat.Csv)
            {
                errors.Add(("EndDate", "The row has no completion time."));
            }

            completedAt ??= now;
            startedAt ??= completedAt;
            if (startedAt > completedAt)
            {
                errors.Add(("StartDate", "The response starts after it ends."));
            }

            if (responseId is { Length: > 100 })
            {
                errors.Add(("response id", "A response id has at most 100 characters."));
            }

            if (language is { Length: > 16 })
            {
                errors.Add(("language", "A language tag has at most 16 characters."));
            }

            customer ??= email;
            if (customer is { Length: > 200 })
            {
                errors.Add(("customer", "A customer id has at most 200 characters."));
            }

            if (errors.Count > 0)
            {
                Errors.AddRange(errors.Select(e => new RowError(record.Line, responseId, e.Field, e.Message)));
                return null;
            }

            var response = new ResponseToStore(
                Guid.CreateVersion7(new DateTimeOffset(completedAt.Value, TimeSpan.Zero)), survey.Id, survey.Version, touchpointId, null, null,
                DistributionChannel.Import, language ?? definition.DefaultLanguage, startedAt.Value, completedAt.Value, answers, responseId);
            return new PendingRow(record.Line, response, customer, email is { Length: <= 320 } && email.Contains('@', StringComparison.Ordinal) ? email : null);
        }

        private string FieldName(string path)
        {
            var questionId = path.StartsWith("answers.", StringComparison.Ordinal) ? path["answers.".Length..] : path;
            var column = columns.FirstOrDefault(c => c.Question?.Id == questionId);
            return column is null ? path : $"{column.Source.Name} ({path})";
        }

        private static DateTime? ParseInstant(string cell, string? timeZone)
        {
            if (DateTime.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                return FromZone(local, timeZone);
            }

            return DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? DateTime.SpecifyKind(utc, DateTimeKind.Utc)
                : null;
        }

        // Qualtrics writes dates in the zone named in the ImportId cell (e.g. "America/Denver"); SurveyMonkey and plain
        // CSV without an offset are taken as UTC.
        private static DateTime FromZone(DateTime local, string? timeZone)
        {
            if (!string.IsNullOrWhiteSpace(timeZone) && !timeZone.Equals("UTC", StringComparison.OrdinalIgnoreCase) && timeZone != "Z"
                && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
            {
                return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            }

            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }
    }
}
