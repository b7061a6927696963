using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses.Import;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Responses.Export;

/// <summary>
/// Completed responses of one survey as CSV, streamed row by row from the database (never all in memory): response
/// id, timestamps (UTC, ISO 8601), touchpoint key, channel, language, customer external id, then one column per
/// question of the current definition (choices joined with <c>;</c>). Re-importable with <c>--format csv</c>.
/// </summary>
public sealed class ResponseExporter(LoopwiseDbContext db, SurveyDefinitions definitions)
{
    public static readonly string[] FixedColumns = ["response_id", "started_at", "completed_at", "touchpoint", "channel", "language", "customer_id"];

    public sealed record Prepared(Survey Survey, SurveyDefinition Definition, DateTime? From, DateTime? To, IReadOnlyDictionary<Guid, string> Touchpoints)
    {
        public string FileName => $"responses-{Survey.LinkToken}.csv";
    }

    public async Task<Result<Prepared>> PrepareAsync(string surveyIdOrToken, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var survey = await SurveyDefinitions.FindAsync(db, surveyIdOrToken, ct);
        if (survey is null)
        {
            return new Error.NotFound($"There is no survey '{surveyIdOrToken}' in this workspace.");
        }

        if (from is { } f && to is { } t && f > t)
        {
            return Error.Invalid.Field("from", "'from' is after 'to'.");
        }

        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(tp => tp.Id, tp => tp.Key, ct);
        return new Prepared(survey, definitions.Of(survey), Utc(from), Utc(to), touchpoints);
    }

    /// <summary>Writes the header and every matching response; returns the number of responses written.</summary>
    public async Task<int> WriteAsync(Prepared export, TextWriter writer, CancellationToken ct)
    {
        var questions = export.Definition.Questions;
        await CsvText.WriteRowAsync(writer, [.. FixedColumns, .. questions.Select(q => q.Id)]);

        var responses = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == export.Survey.Id && r.CompletedAt != null);
        if (export.From is { } from)
        {
            responses = responses.Where(r => r.CompletedAt >= from);
        }

        if (export.To is { } to)
        {
            responses = responses.Where(r => r.CompletedAt < to);
        }

        var rows =
            from r in responses
            join c in db.Set<Customer>().AsNoTracking() on r.CustomerId equals (Guid?)c.Id into matched
            from c in matched.DefaultIfEmpty()
            orderby r.CompletedAt, r.Id
            select new { r.Id, r.StartedAt, r.CompletedAt, r.TouchpointId, r.Channel, r.Language, Customer = c == null ? null : c.ExternalId, r.AnswersJson };

        var count = 0;
        var cells = new string?[FixedColumns.Length + questions.Count];
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            cells[0] = row.Id.ToString();
            cells[1] = Format(row.StartedAt);
            cells[2] = Format(row.CompletedAt!.Value);
            cells[3] = export.Touchpoints.GetValueOrDefault(row.TouchpointId);
            cells[4] = row.Channel.ToString();
            cells[5] = row.Language;
            cells[6] = row.Customer;
            var answers = SurveyJson.DeserializeAnswers(row.AnswersJson);
            for (var i = 0; i < questions.Count; i++)
            {
                cells[FixedColumns.Length + i] = answers.Find(questions[i].Id) is { } answer ? Cell(answer) : null;
            }

            await CsvText.WriteRowAsync(writer, cells);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }

    private static string Cell(AnswerValue answer) =>
        answer.Number is { } number ? number.ToString(CultureInfo.InvariantCulture)
        : answer.Choices is { Count: > 0 } choices ? string.Join(';', choices)
        : answer.Text ?? string.Empty;

    private static string Format(DateTime instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTime? Utc(DateTime? value) => value is not { } v ? null : v.Kind switch
    {
        DateTimeKind.Local => v.ToUniversalTime(),
        DateTimeKind.Utc => v,
        _ => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    };
}
