using Loopwise.Features.Users;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.CustomerHealth;

/// <summary><c>/customers/health</c>: the health models in force, the latest scoring run per band, the lowest scores, and "score now".</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class IndexModel(HealthModelStore models, HealthScoring scoring, TimeProvider clock) : PageModel
{
    public const int Lowest = 20;

    public List<HealthModelSummaryDto> Models { get; private set; } = [];

    public (DateTime ScoredAt, Dictionary<string, int> Counts, List<(string ExternalId, string ModelId, int Version, double Score, string? Band)> Lowest)? Run { get; private set; }

    public bool CanScore => User.HasClaim(Permissions.ClaimType, Permissions.TargetsWrite);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Models = await models.ListCurrentAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        Run = await scoring.LatestRunAsync(Lowest, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanScore)
        {
            return Forbid();
        }

        var run = await scoring.ScoreAllAsync(User.Actor(), null, ct);
        TempData["Flash"] = $"Scored {run.Customers} customer(s): {run.Healthy} healthy, {run.AtRisk} at risk, {run.Critical} critical, {run.InsufficientData} with insufficient data.";
        return RedirectToPage();
    }
}
