using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Dashboards;

/// <summary>tNPS, CSAT and CES effort per touchpoint, grouped by journey stage.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsTouchpointsModel(DashboardQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public TouchpointView? View { get; private set; }

    public string CsvUrl => "/dashboards/touchpoints/csv" + QueryString.Create(new KeyValuePair<string, string?>[] { new("from", From), new("to", To) });

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await queries.TouchpointsAsync(From, To, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return;
        }

        View = result.Value!;
        (From, To) = (MetricsFilter.Day(View.Slice.From), MetricsFilter.Day(View.Slice.To));
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The bar chart of the first KPI (tNPS) by touchpoint, touchpoints with answers only, in the table's order.</summary>
    public string Chart()
    {
        var view = View!;
        var bars = view.Rows.Where(r => r.Cells[0].Total.N > 0).Select(r => (r.Name, r.Cells[0].Total)).ToList();
        return DashboardCharts.Bars(view.Series[0], bars);
    }

    public string ExplorerUrl(KpiSeries series, TouchpointRow row)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(row);
        var query = new ExplorerQuery
        {
            Kpi = series.Kpi, From = From, To = To, Interval = "month",
            Touchpoint = string.Equals(row.Key, SurveyKpiCounts.Unknown, StringComparison.Ordinal) ? null : row.Key,
        };
        return "/dashboards/explorer" + query.ToQueryString();
    }
}

/// <summary>The touchpoint view as CSV: one row per touchpoint and KPI.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class DashboardsTouchpointsCsvModel(DashboardQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        var result = await queries.TouchpointsAsync(from, to, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        var slice = result.Value!.Slice;
        return File(DashboardCsv.Bytes(DashboardCsv.Touchpoints(result.Value!)), "text/csv; charset=utf-8",
            $"touchpoints-{MetricsFilter.Day(slice.From)}-{MetricsFilter.Day(slice.To)}.csv");
    }
}
