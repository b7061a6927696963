using System.Globalization;
using System.Text;
using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The topics table of the text analytics page as CSV, in the API's units (share and negative share in 0..1, sentiment
/// −1..1, NPS in points; an empty cell is a null value), one row per topic of the taxonomy.
/// </summary>
[Authorize(Policy = Permissions.TextRead)]
public sealed class TextTopicsCsvModel(LoopwiseDbContext db, TimeProvider clock, TextAnalyticsQuery query) : PageModel
{
    public const string Header = "topic,name,depth,mentions,share,mean_sentiment,negative_share,nps,nps_n,analysed,from,to,touchpoint";

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? touchpoint, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, null, ct);
        if (!range.IsSuccess)
        {
            range.Error!.AddTo(ModelState);
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        var topics = await query.TopicsAsync(range.Value!, ct);
        var r = topics.Range;
        return File(Encoding.UTF8.GetBytes(Csv(topics)), "text/csv; charset=utf-8", $"topics-{r.From}-{r.To}{(r.Touchpoint is { } t ? "-" + t : "")}.csv");
    }

    public static string Csv(TopicsDto topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var r = topics.Range;
        foreach (var t in topics.Topics.OrderByDescending(t => t.Mentions).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            string[] cells =
            [
                t.Key, t.Name, Int(t.Depth), Int(t.Mentions), Number(t.Share), Number(t.MeanSentiment), Number(t.NegativeShare), Number(t.Nps),
                Int(t.NpsN), Int(topics.Analysed), r.From, r.To, r.Touchpoint ?? string.Empty,
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    // Quotes a cell with a separator, quote or line break; defuses a leading formula character (as DashboardCsv does).
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell.Length > 0 && cell[0] is '=' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
