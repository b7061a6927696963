using Loopwise.Core.Metrics;
using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Surveys;

[Authorize(Policy = Permissions.SurveysWrite)]
public sealed class NewModel(SurveyService surveys, LoopwiseDbContext db, WorkspaceScope scope) : PageModel
{
    public sealed class NewSurveyForm
    {
        public string? Name { get; set; }

        public string? Kind { get; set; } = nameof(SurveyKind.Transactional);

        public string? Template { get; set; } = SurveyTemplates.BlankKey;

        /// <summary>Only for the CES template: CES 1.0 and 2.0 scales are incompatible, so the person picks one.</summary>
        public string? CesScale { get; set; }

        public string? Language { get; set; }
    }

    [BindProperty]
    public NewSurveyForm Input { get; set; } = new();

    public static IReadOnlyList<string> CesScales { get; } = [Scales.CesEffort.Id, Scales.CesAgree.Id];

    public async Task OnGetAsync(CancellationToken ct) =>
        Input.Language = await DefaultLanguageAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(Input.Language) ? await DefaultLanguageAsync(ct) : Input.Language.Trim();
        var name = Input.Name?.Trim() ?? string.Empty;
        var template = Input.Template ?? SurveyTemplates.BlankKey;
        if (template == SurveyTemplates.CesKey && !CesScales.Contains(Input.CesScale))
        {
            ModelState.AddModelError("Input.CesScale", "CES has two incompatible scales: choose ces_effort_1_5 (CES 1.0) or ces_agree_1_7 (CES 2.0).");
        }

        var definition = SurveyTemplates.Create(template, name.Length == 0 ? "Survey" : name, language, Input.CesScale);
        if (definition is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Template", "Choose a starter template.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await surveys.CreateAsync(name, Input.Kind, definition!, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState, "Input");
            return Page();
        }

        TempData["Flash"] = $"Survey '{result.Value!.Name}' created as a draft.";
        return RedirectToPage("/Surveys/Designer", new { id = result.Value.Id });
    }

    private async Task<string> DefaultLanguageAsync(CancellationToken ct) =>
        await db.Set<Workspace>().Where(w => w.Id == scope.WorkspaceId).Select(w => w.DefaultLanguage).FirstOrDefaultAsync(ct) ?? "en";
}
