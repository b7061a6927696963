using Loopwise.Data;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Dashboards;

/// <summary>The metric explorer: one KPI over a slice, grouped, with its chart, tables, CSV and drill-down to the responses.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsExplorerModel(KpiSeriesQuery kpis, DimensionService dimensions, LoopwiseDbContext db) : PageModel
{
    public ExplorerQuery Query { get; private set; } = new();

    public KpiSeries? Series { get; private set; }

    public IReadOnlyList<Survey> Surveys { get; private set; } = [];

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    public IReadOnlyList<string> Stages { get; private set; } = [];

    public IReadOnlyList<DimensionDto> Dimensions { get; private set; } = [];

    public string CsvUrl => "/dashboards/explorer/csv" + Query.ToQueryString();

    public async Task OnGetAsync([FromQuery] ExplorerQuery query, CancellationToken ct)
    {
        Query = query;
        Surveys = await db.Set<Survey>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Stages = [.. Touchpoints.Select(t => t.JourneyStage).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        Dimensions = await dimensions.ListAsync(ct);
        var result = await kpis.HandleAsync(query.KpiId, query.ToRequest(), ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return;
        }

        Series = result.Value!;
        Query.Resolve(Series.Slice);
    }

    /// <summary>The first error of a query field ("from", "where"...), or null.</summary>
    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The responses behind one figure: a period (its first day) of a group, or the group's total when <paramref name="period"/> is null.</summary>
    public string DrillDownUrl(KpiGroupSeries group, TrendPoint? period)
    {
        ArgumentNullException.ThrowIfNull(group);
        return "/dashboards/explorer/responses" + Query.ToQueryString(
            new KeyValuePair<string, string?>("period", period is null ? null : MetricsFilter.Day(period.From)),
            new KeyValuePair<string, string?>("group", group.Group));
    }

    public static string GroupName(KpiGroupSeries group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Group.Length == 0 ? "All" : group.Label;
    }
}

/// <summary>The explorer chart's data as CSV: one row per group and period, the API's numbers.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsExplorerCsvModel(KpiSeriesQuery kpis) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] ExplorerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await kpis.HandleAsync(query.KpiId, query.ToRequest(), ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        var s = result.Value!;
        var by = s.Slice.By is { } grouping ? "-by-" + grouping : string.Empty;
        var name = $"{s.Kpi}-{MetricsFilter.Day(s.Slice.From)}-{MetricsFilter.Day(s.Slice.To)}-{s.Slice.Interval}{by}.csv";
        return File(DashboardCsv.Bytes(DashboardCsv.Explorer(s)), "text/csv; charset=utf-8", name);
    }
}

/// <summary>The responses behind one explorer figure, newest first, 50 a page.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsExplorerResponsesModel(DashboardResponses responses) : PageModel
{
    public ExplorerQuery Query { get; private set; } = new();

    public DrillDownPage? Result { get; private set; }

    public string? Period { get; private set; }

    public string? Group { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ExplorerQuery query, string? period, string? group, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        (Query, Period, Group) = (query, period, group);
        var result = await responses.HandleAsync(query.KpiId, query.ToRequest(), period, group, pageNumber ?? 1, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return Page();
        }

        Result = result.Value!;
        return Page();
    }

    public string PageUrl(int page) => "/dashboards/explorer/responses" + Query.ToQueryString(
        new KeyValuePair<string, string?>("period", Period),
        new KeyValuePair<string, string?>("group", Group),
        new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string BackUrl => "/dashboards/explorer" + Query.ToQueryString();
}
