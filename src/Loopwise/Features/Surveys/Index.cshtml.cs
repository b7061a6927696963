using Loopwise.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Surveys;

[Authorize(Policy = Permissions.SurveysRead)]
public sealed class IndexModel(SurveyService surveys) : PageModel
{
    public IReadOnlyList<Survey> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, long> Completed { get; private set; } = new Dictionary<Guid, long>();

    public bool CanWrite => User.HasClaim(Permissions.ClaimType, Permissions.SurveysWrite);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await surveys.ListAsync(ct);
        Completed = await surveys.CompletedCountsAsync(ct);
    }
}
