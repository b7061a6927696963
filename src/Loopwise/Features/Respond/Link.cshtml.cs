using Loopwise.Features.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loopwise.Features.Respond;

/// <summary>The public link of a survey, optionally per touchpoint: <c>/s/{workspace}/{linkToken}/{touchpointKey?}</c>.</summary>
[AllowAnonymous]
public sealed class LinkModel(IServiceScopeFactory scopes, IAntiforgery antiforgery) : RespondentPageModel(scopes, antiforgery)
{
    [BindProperty(SupportsGet = true, Name = "workspace")]
    public string WorkspaceSlug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "linkToken")]
    public string LinkToken { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "touchpointKey")]
    public string? TouchpointKey { get; set; }

    protected override DistributionChannel Channel => LinkChannel();

    protected override Task<Opened> OpenAsync(RespondentFlow flow, CancellationToken ct) =>
        flow.OpenLinkAsync(WorkspaceSlug, LinkToken, TouchpointKey ?? Request.Query["tp"].FirstOrDefault(), Cid, ct);
}
