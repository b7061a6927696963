using System.ComponentModel.DataAnnotations;
using Loopwise.Data;
using Loopwise.Features.Responses.Import;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Responses;

[Authorize(Policy = Permissions.ResponsesWrite)]
[RequestSizeLimit(200 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 200 * 1024 * 1024)]
public sealed class ImportModel(ResponseImporter importer, LoopwiseDbContext db) : PageModel
{
    public sealed class ImportInput
    {
        [Required(ErrorMessage = "Choose a survey.")]
        public string Survey { get; set; } = string.Empty;

        public ImportFormat Format { get; set; } = ImportFormat.Qualtrics;

        public string? Touchpoint { get; set; }

        [Required(ErrorMessage = "Choose the exported CSV file.")]
        public IFormFile? File { get; set; }
    }

    public sealed record Option(string Value, string Label);

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<Option> Surveys { get; private set; } = [];

    public IReadOnlyList<Option> Touchpoints { get; private set; } = [];

    public ImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOptionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (!ModelState.IsValid || Input.File is null)
        {
            return Page();
        }

        await using var stream = Input.File.OpenReadStream();
        var result = await importer.ImportAsync(new ImportRequest(Input.Survey, Input.Format, Input.Touchpoint), stream, progress: null, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState, nameof(Input));
            return Page();
        }

        Report = result.Value;
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        Surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.Status != SurveyStatus.Draft).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id.ToString(), s.Name)).ToListAsync(ct);
        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Option(t.Key, t.Name)).ToListAsync(ct);
    }
}
