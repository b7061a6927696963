using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Responses;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Surveys;

/// <summary>
/// The survey use cases, called alike by <see cref="SurveysApi"/>, the designer pages and the <c>survey</c> CLI verb.
/// Acts in the current <see cref="WorkspaceScope"/>; every write leaves an <see cref="AuditEntry"/>. Definitions are
/// stored in our own JSON format (<see cref="SurveyJson"/>); error paths start with <c>definition.</c>.
/// </summary>
public sealed class SurveyService(LoopwiseDbContext db, WorkspaceScope scope, TimeProvider clock)
{
    /// <summary>The slug of the current workspace (public links carry it).</summary>
    public async Task<string> WorkspaceSlugAsync(CancellationToken ct) =>
        await db.Set<Workspaces.Workspace>().AsNoTracking().Where(w => w.Id == scope.WorkspaceId).Select(w => w.Slug).FirstAsync(ct);

    public Task<List<Survey>> ListAsync(CancellationToken ct) =>
        db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct);

    /// <summary>Completed responses per survey, from the day rollups (cheap at any volume).</summary>
    public async Task<Dictionary<Guid, long>> CompletedCountsAsync(CancellationToken ct) =>
        await db.Set<ResponseRollup>().AsNoTracking()
            .GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Completed = g.Sum(r => r.Completed) })
            .ToDictionaryAsync(x => x.Key, x => x.Completed, ct);

    public async Task<Result<Survey>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey ? survey : NotFound(id.ToString());

    /// <summary>By id or by link token (what a person sees in a link), for the CLI.</summary>
    public async Task<Result<Survey>> FindAsync(string idOrLinkToken, CancellationToken ct)
    {
        var survey = Guid.TryParse(idOrLinkToken, out var id)
            ? await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == idOrLinkToken, ct);
        return survey is null ? NotFound(idOrLinkToken) : survey;
    }

    /// <summary>Creates a draft. A draft may have no questions yet and may miss translations; publishing needs neither.</summary>
    public async Task<Result<Survey>> CreateAsync(string? name, string? kind, SurveyDefinition definition, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["Give the survey a name of 1 to 200 characters."];
        }

        var parsedKind = ParseKind(kind);
        if (parsedKind is null)
        {
            errors["kind"] = ["Choose the kind: Transactional (after a touchpoint) or Relationship (periodic)."];
        }

        foreach (var (path, messages) in Check(definition, SurveyStatus.Draft))
        {
            errors[path] = messages;
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            WorkspaceId = scope.WorkspaceId,
            Id = Guid.CreateVersion7(),
            Name = name,
            Kind = parsedKind!.Value,
            Status = SurveyStatus.Draft,
            LinkToken = Tokens.Random(12),
            DefinitionJson = SurveyJson.Serialize(definition),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(survey);
        Audit(actor, "survey.create", survey, now, $"{survey.Name} v1");
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>
    /// Replaces the definition and bumps <see cref="Survey.Version"/>. When <paramref name="expectedVersion"/> is
    /// given and someone saved in between, this is a conflict rather than a silent overwrite.
    /// </summary>
    public async Task<Result<Survey>> UpdateDefinitionAsync(Guid id, SurveyDefinition definition, int? expectedVersion, string actor, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound(id.ToString());
        }

        if (expectedVersion is { } expected && expected != survey.Version)
        {
            return new Error.Conflict($"The survey was changed by someone else (now version {survey.Version}, you edited version {expected}). Reload and try again.");
        }

        var errors = Check(definition, survey.Status);
        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var current = DefinitionOf(survey);
        if (current.Equals(definition))
        {
            return survey; // nothing changed: no new version
        }

        if (await CheckAnsweredQuestionsAsync(survey.Id, current, definition, ct) is { } answered)
        {
            return answered;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        survey.DefinitionJson = SurveyJson.Serialize(definition);
        survey.Version++;
        survey.UpdatedAt = now;
        Audit(actor, "survey.update", survey, now, $"v{survey.Version}");
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>Opens the survey to respondents (also reopens a closed one). Needs a complete, valid definition.</summary>
    public async Task<Result<Survey>> PublishAsync(Guid id, string actor, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound(id.ToString());
        }

        var errors = Check(DefinitionOf(survey), SurveyStatus.Published);
        if (errors.Count > 0)
        {
            return new Error.Invalid(errors, "The survey cannot be published until these problems are fixed.");
        }

        return await SetStatusAsync(survey, SurveyStatus.Published, actor, "survey.publish", ct);
    }

    /// <summary>Stops accepting responses; what was collected stays.</summary>
    public async Task<Result<Survey>> CloseAsync(Guid id, string actor, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound(id.ToString());
        }

        return survey.Status == SurveyStatus.Closed
            ? survey
            : await SetStatusAsync(survey, SurveyStatus.Closed, actor, "survey.close", ct);
    }

    /// <summary>Parses a definition in our format and creates the survey; format errors carry their JSON path.</summary>
    public async Task<Result<Survey>> CreateFromJsonAsync(string? name, string? kind, string? definitionJson, string actor, CancellationToken ct)
    {
        var definition = ParseDefinition(definitionJson, name);
        return definition.IsSuccess ? await CreateAsync(name, kind, definition.Value!, actor, ct) : definition.Error!;
    }

    /// <summary>
    /// Imports a SurveyJS survey as a draft. Whatever did not map is returned in <c>Unmapped</c>, never dropped
    /// silently; when nothing could be imported the result is an error listing why.
    /// </summary>
    public async Task<Result<SurveyImport>> ImportSurveyJsAsync(string? surveyJs, string? name, string? kind, string actor, CancellationToken ct)
    {
        SurveyJsImportResult imported;
        try
        {
            imported = SurveyJsConverter.Import(surveyJs ?? string.Empty);
        }
        catch (SurveyFormatException ex)
        {
            return Error.Invalid.Field("surveyJs", ex.Message);
        }

        if (imported.Definition is null)
        {
            return new Error.Invalid(
                new Dictionary<string, string[]> { ["surveyJs"] = ["Nothing could be imported.", .. imported.Unmapped] },
                "Nothing in this SurveyJS document could be imported.");
        }

        var definition = imported.Definition;
        name = string.IsNullOrWhiteSpace(name) ? definition.Title.Get(definition.DefaultLanguage, definition.DefaultLanguage) : name;
        var created = await CreateAsync(name, kind ?? nameof(SurveyKind.Transactional), definition, actor, ct);
        return created.IsSuccess ? new SurveyImport(created.Value!, imported.Unmapped) : created.Error!;
    }

    /// <summary>The survey's definition read back from storage.</summary>
    public static SurveyDefinition DefinitionOf(Survey survey) => Read(survey.DefinitionJson);

    /// <summary>Reads a definition in our storage format (throws <see cref="SurveyFormatException"/> with the JSON path).</summary>
    public static SurveyDefinition Read(string json) => SurveyJson.Deserialize(json);

    /// <summary>Reads a definition in our format; an empty text gives a blank draft titled <paramref name="title"/>.</summary>
    public static Result<SurveyDefinition> ParseDefinition(string? json, string? title)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return SurveyTemplates.Blank(string.IsNullOrWhiteSpace(title) ? "Survey" : title.Trim(), "en");
        }

        try
        {
            return Read(json);
        }
        catch (SurveyFormatException ex)
        {
            var path = ex.Path.StartsWith("$.", StringComparison.Ordinal) ? "definition." + ex.Path[2..] : "definition";
            return Error.Invalid.Field(path, ex.Message);
        }
    }

    public static SurveyKind? ParseKind(string? text) =>
        Enum.GetValues<SurveyKind>().Cast<SurveyKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The validator's problems as field paths under <c>definition.</c>. A draft is work in progress: it may have no
    /// questions yet and may miss translations (the designer flags them); a published or closed survey may not.
    /// </summary>
    public static Dictionary<string, string[]> Check(SurveyDefinition definition, SurveyStatus status)
    {
        var problems = SurveyDefinitionValidator.Validate(definition).AsEnumerable();
        if (status == SurveyStatus.Draft)
        {
            problems = problems.Where(e => !IsDraftTolerated(e));
        }

        return problems
            .GroupBy(e => "definition." + e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True for the two problems a draft may have (the validator reports them with these stable texts).</summary>
    public static bool IsDraftTolerated(ValidationError error) =>
        error.Path == "questions"
        || error.Message.StartsWith("Missing translation for", StringComparison.Ordinal);

    /// <summary>
    /// Answers already given must stay readable: a question that has answers may not be removed, nor change type
    /// (a stored 9 means something else on a text or choice question). How: only when some question is removed or
    /// retyped, and only if the survey has responses at all, we read the responses whose JSON mentions one of those
    /// ids and check them properly. Such edits are rare, so this stays cheap where it matters (most saves).
    /// </summary>
    private async Task<Error?> CheckAnsweredQuestionsAsync(Guid surveyId, SurveyDefinition current, SurveyDefinition next, CancellationToken ct)
    {
        var changed = current.Questions
            .Where(q => next.FindQuestion(q.Id) is not { } kept || kept.Type != q.Type)
            .ToList();
        if (changed.Count == 0 || !await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == surveyId, ct))
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in changed)
        {
            var needle = "\"" + question.Id + "\"";
            var candidates = await db.Set<SurveyResponse>().AsNoTracking()
                .Where(r => r.SurveyId == surveyId && r.AnswersJson.Contains(needle))
                .Select(r => r.AnswersJson)
                .ToListAsync(ct);
            var answered = candidates.Any(json => SurveyJson.DeserializeAnswers(json).Find(question.Id) is not null);
            if (!answered)
            {
                continue;
            }

            var index = next.Questions.ToList().FindIndex(q => q.Id == question.Id);
            errors[index < 0 ? "definition.questions" : FormattableString.Invariant($"definition.questions[{index}].type")] =
            [
                index < 0
                    ? $"Question '{question.Id}' already has answers, so it cannot be removed. Hide it with a display condition or close this survey and start a new one."
                    : $"Question '{question.Id}' already has answers as {question.Type}, so its type cannot change. Add a new question instead.",
            ];
        }

        return errors.Count == 0 ? null : new Error.Invalid(errors, "Questions that already have answers cannot be removed or change type.");
    }

    private async Task<Result<Survey>> SetStatusAsync(Survey survey, SurveyStatus status, string actor, string action, CancellationToken ct)
    {
        if (survey.Status == status)
        {
            return survey;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        survey.Status = status;
        survey.UpdatedAt = now;
        Audit(actor, action, survey, now, $"v{survey.Version}");
        await db.SaveChangesAsync(ct);
        return survey;
    }

    private void Audit(string actor, string action, Survey survey, DateTime at, string details) =>
        db.Add(AuditEntry.Of(scope.WorkspaceId, at, actor, action, $"survey:{survey.Id}", details));

    private static Error.NotFound NotFound(string id) => new($"No survey '{id}' in this workspace.");
}

/// <summary>A survey created from a SurveyJS document, and every part that did not map.</summary>
public sealed record SurveyImport(Survey Survey, IReadOnlyList<string> Unmapped);
