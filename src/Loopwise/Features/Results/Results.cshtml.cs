using Loopwise.Data;
using Loopwise.Features.Metrics;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Results;

[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class ResultsModel(MetricsQuery metrics, LoopwiseDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Touchpoint { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Interval { get; set; }

    public Guid SurveyId { get; private set; }

    public SurveyMetrics? Metrics { get; private set; }

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    /// <summary>The CSV of exactly what is shown: the resolved filters, not the raw form input.</summary>
    public string CsvUrl => Metrics is { } m
        ? $"/surveys/{SurveyId}/results.csv{QueryString.Create(Query(m.Filters))}"
        : string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        SurveyId = id;
        var result = await metrics.HandleAsync(new MetricsRequest(id, From, To, Touchpoint, Interval), ct);
        if (result.Error is Error.NotFound)
        {
            return NotFound();
        }

        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return Page();
        }

        Metrics = result.Value;
        var filters = Metrics!.Filters;
        (From, To, Touchpoint, Interval) = (MetricsFilter.Day(filters.From), MetricsFilter.Day(filters.To), filters.Touchpoint, filters.Interval);
        return Page();
    }

    internal static IEnumerable<KeyValuePair<string, string?>> Query(MetricsFilters filters)
    {
        yield return new("from", MetricsFilter.Day(filters.From));
        yield return new("to", MetricsFilter.Day(filters.To));
        if (filters.Touchpoint is { } touchpoint)
        {
            yield return new("touchpoint", touchpoint);
        }

        yield return new("interval", filters.Interval);
    }
}
