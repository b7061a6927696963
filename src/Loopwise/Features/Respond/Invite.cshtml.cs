using Loopwise.Features.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loopwise.Features.Respond;

/// <summary>A personalised invitation: <c>/i/{workspace}/{token}</c>, bound to one customer and touchpoint, answered once.</summary>
[AllowAnonymous]
public sealed class InviteModel(IServiceScopeFactory scopes, IAntiforgery antiforgery) : RespondentPageModel(scopes, antiforgery)
{
    [BindProperty(SupportsGet = true, Name = "workspace")]
    public string WorkspaceSlug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string Token { get; set; } = string.Empty;

    protected override DistributionChannel Channel => DistributionChannel.Email;

    protected override Task<Opened> OpenAsync(RespondentFlow flow, CancellationToken ct) =>
        flow.OpenInvitationAsync(WorkspaceSlug, Token, ct);
}
