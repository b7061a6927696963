using System.Text;
using Loopwise.Core.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Surveys;

/// <summary>
/// The survey designer: one question form at a time (add, or edit with <c>?question=id</c>), a question list with
/// move/remove buttons, survey texts and languages, publish/close, links with QR codes, and SurveyJS export.
/// Every save goes through <see cref="SurveyService.UpdateDefinitionAsync"/> with the version the page showed.
/// </summary>
[Authorize(Policy = Permissions.SurveysRead)]
public sealed class DesignerModel(SurveyService surveys, TouchpointService touchpoints) : PageModel
{
    public sealed class TextsForm
    {
        public Dictionary<string, string?> Title { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string?> Intro { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string?> ThankYou { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    }

    public Survey Survey { get; private set; } = null!;

    public SurveyDefinition Definition { get; private set; } = null!;

    public SurveyLinksDto Links { get; private set; } = null!;

    public IReadOnlyList<string> ExportUnmapped { get; private set; } = [];

    /// <summary>Id of the question being edited; null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Question { get; set; }

    [BindProperty]
    public QuestionForm Input { get; set; } = new();

    [BindProperty]
    public TextsForm Texts { get; set; } = new();

    [BindProperty]
    public string? NewLanguage { get; set; }

    /// <summary>The version the page was rendered from: a save on top of someone else's is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    public bool CanWrite => User.HasClaim(Permissions.ClaimType, Permissions.SurveysWrite);

    public bool CanPublish => User.HasClaim(Permissions.ClaimType, Permissions.SurveysPublish);

    public Question? Editing => Question is null ? null : Definition.FindQuestion(Question);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = Editing is { } q ? QuestionForm.From(q, Definition) : new QuestionForm();
        Texts = TextsOf(Definition);
        Version = Survey.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        await SaveQuestionAsync(id, adding: true, ct);

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        await SaveQuestionAsync(id, adding: false, ct);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string target, int by, CancellationToken ct) =>
        await EditAsync(id, d =>
        {
            var list = d.Questions.ToList();
            var from = list.FindIndex(q => q.Id == target);
            var to = from + by;
            if (from < 0 || to < 0 || to >= list.Count)
            {
                return d;
            }

            (list[from], list[to]) = (list[to], list[from]);
            return d with { Questions = list };
        }, $"Question '{target}' moved.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string target, CancellationToken ct) =>
        await EditAsync(id, d => d with { Questions = [.. d.Questions.Where(q => q.Id != target)] }, $"Question '{target}' removed.", ct);

    public async Task<IActionResult> OnPostTextsAsync(Guid id, CancellationToken ct) =>
        await EditAsync(id, d => d with
        {
            Title = Localized(Texts.Title, d) ?? d.Title,
            Intro = Localized(Texts.Intro, d),
            ThankYou = Localized(Texts.ThankYou, d),
        }, "Survey texts updated.", ct);

    public async Task<IActionResult> OnPostAddLanguageAsync(Guid id, CancellationToken ct)
    {
        var language = NewLanguage?.Trim() ?? string.Empty;
        if (language.Length is < 2 or > 16 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            ModelState.AddModelError(nameof(NewLanguage), "Enter a language tag such as fr or pt-BR.");
            return await RedisplayAsync(id, ct);
        }

        return await EditAsync(id, d => d.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? d : d with { Languages = [.. d.Languages, language] },
            $"Language '{language}' added: translate the texts flagged as missing.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        var result = await surveys.PublishAsync(id, User.Actor(), ct);
        return await AfterAsync(id, result, "Survey published.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        var result = await surveys.CloseAsync(id, User.Actor(), ct);
        return await AfterAsync(id, result, "Survey closed.", ct);
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var result = await surveys.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        var survey = result.Value!;
        var surveyJs = !string.Equals(format, "loopwise", StringComparison.OrdinalIgnoreCase);
        var json = surveyJs ? SurveyJsConverter.Export(SurveyService.DefinitionOf(survey)).Json : survey.DefinitionJson;
        var file = $"{survey.LinkToken}.{(surveyJs ? "surveyjs" : "loopwise")}.json";
        return File(Encoding.UTF8.GetBytes(json), "application/json", file);
    }

    private async Task<IActionResult> SaveQuestionAsync(Guid id, bool adding, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var found = await surveys.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var current = SurveyService.DefinitionOf(found.Value!);
        var existing = adding ? null : current.FindQuestion(Question ?? string.Empty);
        if (!adding && existing is null)
        {
            ModelState.AddModelError(string.Empty, $"Question '{Question}' is no longer in the survey.");
            return await RedisplayAsync(id, ct);
        }

        var type = Enum.TryParse<QuestionType>(Input.Type, out var t) ? t : QuestionType.Text;
        var questionId = existing?.Id ?? (string.IsNullOrWhiteSpace(Input.Id) ? QuestionForm.NewId(current, type) : Input.Id.Trim());
        var built = Input.ToQuestion(questionId, current, existing);
        if (!built.IsSuccess)
        {
            built.Error!.AddTo(ModelState, "Input");
            return await RedisplayAsync(id, ct);
        }

        var questions = current.Questions.ToList();
        var index = adding ? questions.Count : questions.FindIndex(q => q.Id == existing!.Id);
        if (adding)
        {
            questions.Add(built.Value!);
        }
        else
        {
            questions[index] = built.Value!;
        }

        var attempted = current with { Questions = questions };
        var result = await surveys.UpdateDefinitionAsync(id, attempted, Version, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            QuestionForm.AddErrors(result.Error!, ModelState, attempted, index);
            return await RedisplayAsync(id, ct);
        }

        TempData["Flash"] = adding ? $"Question '{questionId}' added." : $"Question '{questionId}' saved.";
        return RedirectToPage(new { id, question = (string?)null });
    }

    private async Task<IActionResult> EditAsync(Guid id, Func<SurveyDefinition, SurveyDefinition> change, string done, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var found = await surveys.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var attempted = change(SurveyService.DefinitionOf(found.Value!));
        var result = await surveys.UpdateDefinitionAsync(id, attempted, Version, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            QuestionForm.AddErrors(result.Error!, ModelState, attempted, -1);
            return await RedisplayAsync(id, ct);
        }

        return await AfterAsync(id, result, done, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<Survey> result, string done, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            var page = await RedisplayAsync(id, ct);
            QuestionForm.AddErrors(result.Error!, ModelState, Definition, -1);
            return page;
        }

        TempData["Flash"] = done;
        return RedirectToPage(new { id, question = (string?)null });
    }

    /// <summary>Shows the page again with the person's input and the errors, over the stored survey.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Texts.Title.Count == 0)
        {
            Texts = TextsOf(Definition);
        }

        Version = Survey.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await surveys.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Survey = found.Value!;
        Definition = SurveyService.DefinitionOf(Survey);
        var slug = await surveys.WorkspaceSlugAsync(ct);
        Links = SurveyLinks.Build(SurveyLinks.OriginOf(Request), slug, Survey, await touchpoints.ListAsync(ct));
        ExportUnmapped = SurveyJsConverter.Export(Definition).Unmapped;
        return true;
    }

    private static TextsForm TextsOf(SurveyDefinition d) => new()
    {
        Title = d.Languages.ToDictionary(l => l, l => d.Title.Values.GetValueOrDefault(l), StringComparer.OrdinalIgnoreCase),
        Intro = d.Languages.ToDictionary(l => l, l => d.Intro?.Values.GetValueOrDefault(l), StringComparer.OrdinalIgnoreCase),
        ThankYou = d.Languages.ToDictionary(l => l, l => d.ThankYou?.Values.GetValueOrDefault(l), StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The non-blank texts of the survey's languages; null when all are blank (the text is optional).</summary>
    private static LocalizedText? Localized(Dictionary<string, string?> values, SurveyDefinition d)
    {
        var present = d.Languages
            .Where(l => !string.IsNullOrWhiteSpace(values.GetValueOrDefault(l)))
            .Select(l => KeyValuePair.Create(l, values[l]!.Trim()))
            .ToList();
        return present.Count == 0 ? null : new LocalizedText(present);
    }
}
