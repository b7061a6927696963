using System.Text;
using Loopwise.Features.Metrics;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Results;

/// <summary>The trend data of the results page as CSV (same filters, same numbers as the API).</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class ResultsCsvModel(MetricsQuery metrics) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, string? touchpoint, string? interval, CancellationToken ct)
    {
        var result = await metrics.HandleAsync(new MetricsRequest(id, from, to, touchpoint, interval), ct);
        if (!result.IsSuccess)
        {
            if (result.Error is Error.NotFound)
            {
                return NotFound();
            }

            result.Error!.AddTo(ModelState);
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        var filters = result.Value!.Filters;
        var name = $"results-{id:N}-{MetricsFilter.Day(filters.From)}-{MetricsFilter.Day(filters.To)}-{filters.Interval}.csv";
        return File(Encoding.UTF8.GetBytes(MetricsCsv.Write(result.Value)), "text/csv; charset=utf-8", name);
    }
}
