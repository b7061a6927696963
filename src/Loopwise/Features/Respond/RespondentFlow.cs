using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Invitations;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using SurveyEntity = Loopwise.Features.Surveys.Survey;

namespace Loopwise.Features.Respond;

/// <summary>
/// The respondent use case behind the public pages: opens a survey from a public link or an invitation, saves each
/// posted page as a partial response, and completes it in one transaction with the rollups and the invitation.
/// Anonymous: the workspace comes from the URL, and this class sets the <see cref="WorkspaceScope"/> itself.
/// </summary>
public sealed class RespondentFlow(LoopwiseDbContext db, WorkspaceScope scope, ResponseWriter writer, TimeProvider clock, SurveyDefinitions definitions, PublishedLinks links, SqliteWriteGate writeGate)
{
    public async Task<Opened> OpenLinkAsync(string workspaceSlug, string linkToken, string? touchpointKey, string? customerExternalId, CancellationToken ct)
    {
        var slug = workspaceSlug.ToLowerInvariant();
        var key = string.IsNullOrWhiteSpace(touchpointKey) ? null : touchpointKey;
        if (links.Find(slug, linkToken, key) is not { } link)
        {
            var generation = PublishedLinks.Generation;
            var loaded = await LoadLinkAsync(slug, linkToken, key, ct);
            if (loaded.Link is not { } found)
            {
                return loaded.Problem;
            }

            links.Store(slug, linkToken, key, generation, found);
            link = found;
        }

        scope.Set(link.Workspace.Id);

        // The widget may pass the site's own customer id; it is linked only when that customer is already known.
        var customer = string.IsNullOrWhiteSpace(customerExternalId)
            ? null
            : await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(c => c.ExternalId == customerExternalId, ct);
        return new SurveySession(link.Workspace, link.Survey, link.Definition, link.Pages, link.Touchpoint, null, customer);
    }

    /// <summary>The workspace, published survey and touchpoint behind a public link, or why it cannot be answered.</summary>
    private async Task<(PublishedLinks.Entry? Link, Unavailable Problem)> LoadLinkAsync(string slug, string linkToken, string? touchpointKey, CancellationToken ct)
    {
        if (await EnterAsync(slug, ct) is not { } workspace)
        {
            return (null, Unavailable.NotFound);
        }

        var survey = await db.Set<SurveyEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == linkToken, ct);
        if (survey is null)
        {
            return (null, Unavailable.NotFound);
        }

        if (StatusProblem(survey) is { } problem)
        {
            return (null, problem);
        }

        Touchpoint? touchpoint = null;
        if (touchpointKey is not null)
        {
            touchpoint = await db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == touchpointKey, ct);
            if (touchpoint is null)
            {
                return (null, Unavailable.NotFound);
            }
        }

        var definition = definitions.Of(survey);
        return (new PublishedLinks.Entry(workspace, survey, definition, SurveyPaging.Pages(definition), touchpoint), default);
    }

    public async Task<Opened> OpenInvitationAsync(string workspaceSlug, string token, CancellationToken ct)
    {
        if (await EnterAsync(workspaceSlug, ct) is not { } workspace)
        {
            return Unavailable.NotFound;
        }

        var invitation = await db.Set<Invitation>().AsNoTracking().FirstOrDefaultAsync(i => i.Token == token, ct);
        var survey = invitation is null
            ? null
            : await db.Set<SurveyEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == invitation.SurveyId, ct);
        if (invitation is null || survey is null)
        {
            return Unavailable.NotFound;
        }

        if (invitation.ResponseId is not null)
        {
            return Unavailable.AlreadyAnswered;
        }

        var now = Now();
        if (now >= invitation.ExpiresAt)
        {
            return Unavailable.Expired;
        }

        if (StatusProblem(survey) is { } problem)
        {
            return problem;
        }

        var touchpoint = invitation.TouchpointId is { } touchpointId
            ? await db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == touchpointId, ct)
            : null;
        var customer = await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == invitation.CustomerId, ct);
        if (invitation.OpenedAt is null)
        {
            await db.Set<Invitation>().Where(i => i.Id == invitation.Id && i.OpenedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.OpenedAt, now), ct);
        }

        return Session(workspace, survey, touchpoint, invitation, customer);
    }

    /// <summary>The thank-you page's survey, whatever its status (it may have closed since the answer).</summary>
    public async Task<(Workspace Workspace, SurveyDefinition Definition)?> FindForThanksAsync(string workspaceSlug, string linkToken, CancellationToken ct)
    {
        if (await EnterAsync(workspaceSlug, ct) is not { } workspace)
        {
            return null;
        }

        var survey = await db.Set<SurveyEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == linkToken, ct);
        return survey is null ? null : (workspace, definitions.Of(survey));
    }

    /// <summary>
    /// The partial response being answered: the one with <paramref name="resumeToken"/>, or, for an invitation opened
    /// again without it, the invitation's unfinished one (so reopening the e-mail link resumes instead of restarting).
    /// </summary>
    public async Task<SurveyResponse?> FindPartialAsync(SurveySession session, string? resumeToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(resumeToken) && session.Invitation is null)
        {
            return null; // a public link without a resume token starts afresh
        }

        var partials = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == session.Survey.Id && r.CompletedAt == null);
        if (!string.IsNullOrEmpty(resumeToken))
        {
            return await partials.FirstOrDefaultAsync(r => r.ResumeToken == resumeToken, ct);
        }

        return session.Invitation is { } invitation
            ? await partials.Where(r => r.InvitationId == invitation.Id).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct)
            : null;
    }

    public static AnswerSet AnswersOf(SurveyResponse? response) =>
        response is null ? AnswerSet.Empty : SurveyJson.DeserializeAnswers(response.AnswersJson);

    /// <summary>Validates a posted page, then saves it as a partial response or completes the response.</summary>
    public async Task<PageOutcome> SubmitAsync(SurveySession session, PageSubmission submission, CancellationToken ct)
    {
        var existing = await FindPartialAsync(session, submission.ResumeToken, ct);
        if (!string.IsNullOrEmpty(submission.ResumeToken) && existing is null)
        {
            // The token was cleared when the response completed: a double submit or a replayed page.
            return new PageOutcome.AlreadyCompleted();
        }

        var definition = session.Definition;
        var texts = RespondentTexts.For(submission.Language);
        var page = Math.Clamp(submission.Page, 0, session.Pages.Count - 1);
        var previous = AnswersOf(existing);
        var onPage = session.Pages[page].Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var merged = previous.Answers.Where(a => !onPage.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in SurveyPaging.VisibleOn(definition, session.Pages, page, previous))
        {
            var fields = submission.Fields.GetValueOrDefault(question.Id) ?? [];
            var (value, error) = AnswerForm.Parse(question, fields, texts);
            if (error is not null)
            {
                errors[question.Id] = error;
            }
            else if (value is not null)
            {
                merged[question.Id] = value;
            }
            else if (question.Required)
            {
                errors[question.Id] = texts.Required;
            }
        }

        var answers = Prune(definition, AnswerNormalizer.Normalize(new AnswerSet(merged)));
        Collect(AnswerValidator.Validate(definition, answers, AnswerMode.Partial), errors, texts);
        if (errors.Count > 0)
        {
            return new PageOutcome.Invalid(errors, answers, existing?.ResumeToken);
        }

        var next = SurveyPaging.NextPage(definition, session.Pages, page, answers);
        if (next < 0)
        {
            Collect(AnswerValidator.Validate(definition, answers, AnswerMode.Complete), errors, texts);
            var broken = session.Pages.Select((questions, index) => (questions, index))
                .FirstOrDefault(p => p.questions.Any(q => errors.ContainsKey(q.Id)));
            if (errors.Count == 0)
            {
                return await CompleteAsync(session, existing, answers, submission, ct);
            }

            if (broken.questions is null || broken.index == page)
            {
                return new PageOutcome.Invalid(errors, answers, existing?.ResumeToken);
            }

            next = broken.index;
        }

        var token = await SavePartialAsync(session, existing, answers, submission, ct);
        return token is null ? new PageOutcome.AlreadyCompleted() : new PageOutcome.Saved(token, next);
    }

    private async Task<string?> SavePartialAsync(SurveySession session, SurveyResponse? existing, AnswerSet answers, PageSubmission submission, CancellationToken ct)
    {
        var json = SurveyJson.Serialize(answers);
        if (existing is not null)
        {
            var updated = await db.Set<SurveyResponse>()
                .Where(r => r.Id == existing.Id && r.CompletedAt == null && r.ResumeToken == existing.ResumeToken)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, json), ct);
            return updated == 0 ? null : existing.ResumeToken;
        }

        var now = Now();
        var response = NewResponse(session, submission, json, now);
        response.ResumeToken = Tokens.Random(32);
        var delta = new RollupDelta();
        delta.AddStarted(session.Survey.Id, session.TouchpointId, now);

        using var turn = await writeGate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(response);
        await db.SaveChangesAsync(ct);
        await writer.ApplyAsync(session.Workspace.Id, delta, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return response.ResumeToken;
    }

    private async Task<PageOutcome> CompleteAsync(SurveySession session, SurveyResponse? existing, AnswerSet answers, PageSubmission submission, CancellationToken ct)
    {
        var now = Now();
        using var turn = await writeGate.EnterAsync(ct);
        if (existing is null && session.Invitation is null)
        {
            // A public link completed in its first post (a one-page survey): one insert of the response with its
            // rollups through the ingestion writer, atomic by itself (there is no other row to update).
            var single = NewCompleted(session, submission, answers, now, now);
            await writer.WriteCompletedAsync(session.Workspace.Id, [single], new Dictionary<Guid, SurveyDefinition> { [session.Survey.Id] = session.Definition }, ct);
            return new PageOutcome.Completed(single.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Conditional writes first: of two simultaneous final posts, the second waits for the first and then
        // matches no row, so it can never complete a second response (or answer an invitation twice).
        Guid id;
        if (existing is null)
        {
            // An invitation completed in its first post: the response and its rollups, then the invitation, in this transaction.
            var response = NewCompleted(session, submission, answers, now, now);
            id = response.Id;
            await writer.WriteCompletedAsync(session.Workspace.Id, [response], new Dictionary<Guid, SurveyDefinition> { [session.Survey.Id] = session.Definition }, ct);
        }
        else
        {
            id = existing.Id;
            var response = (await writer.WithDimensionsAsync(session.Workspace.Id, [NewCompleted(session, submission, answers, existing.StartedAt, now) with { Id = id }], ct))[0];
            var json = SurveyJson.Serialize(answers);
            var dimensions = DimensionRules.Serialize(response.Dimensions);
            var completed = await db.Set<SurveyResponse>()
                .Where(r => r.Id == existing.Id && r.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, now).SetProperty(r => r.AnswersJson, json)
                    .SetProperty(r => r.ResumeToken, (string?)null).SetProperty(r => r.DimensionsJson, dimensions), ct);
            if (completed == 0)
            {
                await transaction.RollbackAsync(ct);
                return new PageOutcome.AlreadyCompleted();
            }

            var delta = new RollupDelta();
            delta.AddCompleted(session.Definition, response, startAlreadyCounted: true);
            await writer.ApplyAsync(session.Workspace.Id, delta, ct);
        }

        if (session.Invitation is { } invitation)
        {
            var answered = await db.Set<Invitation>()
                .Where(i => i.Id == invitation.Id && i.ResponseId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RespondedAt, now).SetProperty(i => i.ResponseId, id), ct);
            if (answered == 0)
            {
                await transaction.RollbackAsync(ct);
                return new PageOutcome.AlreadyCompleted();
            }
        }

        await transaction.CommitAsync(ct);
        return new PageOutcome.Completed(id);
    }

    private static ResponseToStore NewCompleted(SurveySession session, PageSubmission submission, AnswerSet answers, DateTime startedAt, DateTime completedAt) => new(
        Guid.CreateVersion7(), session.Survey.Id, session.Survey.Version, session.TouchpointId, session.Customer?.Id, session.Invitation?.Id,
        submission.Channel, submission.Language, startedAt, completedAt, answers, null);

    private static SurveyResponse NewResponse(SurveySession session, PageSubmission submission, string answersJson, DateTime now) => new()
    {
        WorkspaceId = session.Workspace.Id,
        Id = Guid.CreateVersion7(),
        SurveyId = session.Survey.Id,
        SurveyVersion = session.Survey.Version,
        TouchpointId = session.TouchpointId,
        CustomerId = session.Customer?.Id,
        InvitationId = session.Invitation?.Id,
        Channel = submission.Channel,
        Language = submission.Language,
        StartedAt = now,
        AnswersJson = answersJson,
    };

    /// <summary>Drops answers to questions hidden by the current answers (e.g. a follow-up after the score changed).</summary>
    private static AnswerSet Prune(SurveyDefinition definition, AnswerSet answers)
    {
        var visible = DisplayLogic.VisibleQuestions(definition, answers).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return new AnswerSet(answers.Answers.Where(a => visible.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
    }

    private static void Collect(IReadOnlyList<ValidationError> found, Dictionary<string, string> errors, RespondentTexts texts)
    {
        foreach (var error in found)
        {
            var id = error.Path.StartsWith("answers.", StringComparison.Ordinal) ? error.Path["answers.".Length..] : error.Path;
            errors.TryAdd(id, error.Message == "This question is required." ? texts.Required : texts.Invalid);
        }
    }

    private async Task<Workspace?> EnterAsync(string slug, CancellationToken ct)
    {
        // Workspaces are not tenant rows (no query filter); this is the one anonymous lookup, then the scope is set.
        var normalized = slug.ToLowerInvariant();
        var workspace = await db.Set<Workspace>().AsNoTracking().FirstOrDefaultAsync(w => w.Slug == normalized, ct);
        if (workspace is not null)
        {
            scope.Set(workspace.Id);
        }

        return workspace;
    }

    private static Unavailable? StatusProblem(SurveyEntity survey) => survey.Status switch
    {
        SurveyStatus.Published => null,
        SurveyStatus.Closed => Unavailable.Closed,
        _ => Unavailable.NotOpen,
    };

    private SurveySession Session(Workspace workspace, SurveyEntity survey, Touchpoint? touchpoint, Invitation? invitation, Customer? customer)
    {
        var definition = definitions.Of(survey);
        return new SurveySession(workspace, survey, definition, SurveyPaging.Pages(definition), touchpoint, invitation, customer);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    internal static string Format(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
