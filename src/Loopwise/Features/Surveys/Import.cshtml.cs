using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Surveys;

/// <summary>Imports a SurveyJS survey (upload or paste) and shows what did not map, item by item.</summary>
[Authorize(Policy = Permissions.SurveysWrite)]
public sealed class ImportModel(SurveyService surveys) : PageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public sealed class ImportForm
    {
        public string? Name { get; set; }

        public string? Kind { get; set; } = nameof(SurveyKind.Transactional);

        public IFormFile? File { get; set; }

        public string? Json { get; set; }
    }

    [BindProperty]
    public ImportForm Input { get; set; } = new();

    public SurveyImport? Imported { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = Input.Json;
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError("Input.File", "The file is larger than 2 MB.");
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            ModelState.AddModelError("Input.Json", "Upload a SurveyJS JSON file or paste its JSON.");
            return Page();
        }

        var result = await surveys.ImportSurveyJsAsync(json, Input.Name, Input.Kind, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            if (result.Error is Error.Invalid invalid)
            {
                foreach (var (path, messages) in invalid.Fields)
                {
                    var field = path switch { "surveyJs" => "Input.Json", "name" => "Input.Name", "kind" => "Input.Kind", _ => string.Empty };
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field, field.Length == 0 ? $"{path}: {message}" : message);
                    }
                }
            }
            else
            {
                result.Error!.AddTo(ModelState);
            }

            return Page();
        }

        Imported = result.Value;
        return Page();
    }
}
