using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Respond;

/// <summary>The query-string context every public respondent page keeps: language, widget (embed) mode and source.</summary>
public abstract class RespondentContextModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true, Name = "embed")]
    public string? Embed { get; set; }

    [BindProperty(SupportsGet = true, Name = "src")]
    public string? Src { get; set; }

    public bool IsEmbed => Embed is "1" or "true";
}
