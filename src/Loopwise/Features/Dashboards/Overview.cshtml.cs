using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Dashboards;

/// <summary>The CX leader overview: every dashboard KPI over the last twelve months against its target.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsOverviewModel(DashboardQueries queries) : PageModel
{
    /// <summary>The last day of the twelve months (default today, UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<KpiSeries> Cards { get; private set; } = [];

    public string CsvUrl => "/dashboards/overview.csv" + QueryString.Create("to", To ?? string.Empty);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await queries.OverviewAsync(To, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return;
        }

        Cards = result.Value!;
        To = Cards.Count > 0 ? MetricsFilter.Day(Cards[0].Slice.To) : To;
    }

    /// <summary>The explorer with this KPI, monthly over the same twelve months.</summary>
    public static string ExplorerUrl(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var query = new ExplorerQuery { Kpi = series.Kpi, From = MetricsFilter.Day(series.Slice.From), To = MetricsFilter.Day(series.Slice.To), Interval = series.Slice.Interval };
        return "/dashboards/explorer" + query.ToQueryString();
    }
}

/// <summary>The overview's cards as CSV: per KPI the headline and its twelve monthly points.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsOverviewCsvModel(DashboardQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? to, CancellationToken ct)
    {
        var result = await queries.OverviewAsync(to, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        var slice = result.Value!.Count > 0 ? result.Value![0].Slice : null;
        var name = slice is null ? "overview.csv" : $"overview-{MetricsFilter.Day(slice.From)}-{MetricsFilter.Day(slice.To)}.csv";
        return File(DashboardCsv.Bytes(DashboardCsv.Overview(result.Value!)), "text/csv; charset=utf-8", name);
    }
}
