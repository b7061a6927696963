using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Loopwise.Features.Email;
using Loopwise.Features.Jobs;
using Loopwise.Features.Users;
using Loopwise.Features.Webhooks;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>
/// Opens cases and moves them through the workflow (cx-reference.md §7). Every change appends <see cref="CaseEvent"/>s,
/// recomputes the SLA columns from the state changes, schedules the next SLA check (<see cref="CaseSlaJob"/>), writes
/// the audit log and commits in one transaction; a stale <c>version</c> or a concurrent writer is a conflict.
/// </summary>
public sealed class CaseService(
    LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, JobQueue queue, CaseAssigner assigner, WebhookOutbox webhooks, CaseVisibility visibility,
    EmailOutbox email, IConfiguration configuration)
{
    /// <summary>Webhook event types (ADR 14) published with the case's changes, in the same transaction.</summary>
    public const string OpenedEvent = "case.opened";
    public const string UpdatedEvent = "case.updated";
    public const string BreachedEvent = "case.sla_breached";

    private static readonly string[] Channels = ["phone", "email", "sms", "chat", "in_person"];
    private static readonly string[] Outcomes = ["reached", "no_answer", "left_message"];

    private readonly Dictionary<string, Case> _opened = new(StringComparer.Ordinal);
    private CaseSettingsDto? _settings;
    private BusinessCalendar? _calendar;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The workspace's settings (the defaults when it saved none).</summary>
    public async Task<CaseSettingsDto> SettingsAsync(CancellationToken ct) =>
        _settings ??= (await db.Set<CaseSettings>().AsNoTracking().FirstOrDefaultAsync(ct))?.Settings ?? CaseSettingsDto.Default;

    /// <summary>
    /// Opens a case in the caller's write transaction (the caller holds the write turn and saves): or, when the
    /// customer already has an open case on the same topic, returns that one (created false).
    /// </summary>
    public async Task<(Case Case, bool Created)> OpenAsync(NewCase request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var openKey = request.CustomerId is { } customer ? $"{customer:N}|{request.TopicKey ?? "general"}" : null;
        if (openKey is not null)
        {
            // Cases opened in this unit of work are remembered here: scanning the change tracker runs DetectChanges
            // over every tracked entity, which made a batch of firings quadratic.
            var existing = _opened.GetValueOrDefault(openKey) ?? await db.Set<Case>().FirstOrDefaultAsync(c => c.OpenKey == openKey, ct);
            if (existing is not null)
            {
                return (existing, false);
            }
        }

        var now = Now;
        var workspaceId = db.Scope.WorkspaceId;
        var number = await NextNumberAsync(workspaceId, ct);
        var (team, owner) = await assigner.AssignAsync(request, ct);
        var @case = new Case
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(),
            Number = number,
            Title = request.Title.Length > 300 ? request.Title[..300] : request.Title,
            State = CaseState.New,
            Priority = request.Priority,
            TeamId = team,
            CustomerId = request.CustomerId,
            ResponseId = request.ResponseId,
            TouchpointId = request.TouchpointId,
            TopicKey = request.TopicKey,
            AlertRuleId = request.AlertRuleId,
            OpenKey = openKey,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(@case);
        if (openKey is not null)
        {
            _opened[openKey] = @case;
        }

        var events = new List<CaseEvent> { Event(@case, 1, now, actor, CaseEventKind.Created, null, null, CaseState.New, null) };
        if (owner is not null)
        {
            @case.OwnerUserId = owner;
            @case.State = CaseState.Assigned;
            events.Add(Event(@case, 2, now, actor, CaseEventKind.Transition, CaseAction.Assign, CaseState.New, CaseState.Assigned, null));
        }

        db.AddRange(events);
        db.Add(AuditEntry.Of(workspaceId, now, actor, "case.opened", $"case:{@case.Id}", $"#{number} {@case.Title}"));
        await RecomputeAsync(@case, events, now, ct);
        await PublishAsync(OpenedEvent, @case, events[^1], ct);
        if (owner is not null)
        {
            await NotifyOwnerAsync(@case, $"Case #{number} is yours: {@case.Title}", $"Case #{number} “{@case.Title}” was assigned to you ({@case.Priority} priority).", ct);
        }

        return (@case, true);
    }

    /// <summary>Opens a case by hand (API, UI).</summary>
    public async Task<Result<CaseDetailDto>> CreateAsync(CreateCaseRequest request, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
        {
            errors["title"] = ["A case needs a title of at most 300 characters."];
        }

        if (request.CustomerId is { } customerId && !await db.Set<Customer>().AnyAsync(c => c.Id == customerId, ct))
        {
            errors["customerId"] = ["No such customer in this workspace."];
        }

        if (request.OwnerUserId is { } ownerId && !await IsMemberAsync(ownerId, ct))
        {
            errors["ownerUserId"] = ["The owner must be a member of this workspace."];
        }

        if (request.TeamId is { } teamId && !await db.Set<CaseTeam>().AnyAsync(t => t.Id == teamId, ct))
        {
            errors["teamId"] = ["No such team in this workspace."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        Guid id;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (opened, _) = await OpenAsync(
                new NewCase(request.Title!.Trim(), request.Priority ?? CasePriority.Normal, request.CustomerId, request.ResponseId, null, null,
                    string.IsNullOrWhiteSpace(request.TopicKey) ? "manual" : request.TopicKey.Trim(), null, new Dictionary<string, string>(),
                    request.OwnerUserId, request.TeamId),
                actor, ct);
            id = opened.Id;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return (await ReadAsync(id, ct)).Value!;
    }

    /// <summary>A case with its clocks (computed now), the actions it allows and its events.</summary>
    public async Task<Result<CaseDetailDto>> ReadAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Set<Case>().AsNoTracking().Where(visibility.Filter).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return new Error.NotFound($"Case {id} does not exist in this workspace.");
        }

        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var settings = await SettingsAsync(ct);
        var calendar = await CalendarAsync(ct);
        var clocks = CaseSla.Compute(Changes(events), settings.TargetsFor(@case.Priority), calendar, Max(Now, events[^1].At));
        var dto = (await CaseQueries.ToDtosAsync(db, [@case], ct))[0];
        return new CaseDetailDto(
            dto, @case.RootCause, @case.ResolutionCode, @case.CloseReason, @case.AlertRuleId, @case.AcknowledgedAt, @case.FirstContactAt,
            @case.ResolvedAt, @case.ClosedAt, SlaClockDto.From(clocks.FirstResponse), SlaClockDto.From(clocks.Resolution),
            CaseWorkflow.Allowed(@case.State),
            [.. events.Select(e => new CaseEventDto(e.Sequence, e.At, e.Actor, e.Kind, e.Action, e.FromState, e.ToState, e.Body, e.Channel, e.Outcome))]);
    }

    /// <summary>Moves a case through the workflow; an illegal move is a conflict naming what the state allows.</summary>
    public async Task<Result<CaseDetailDto>> ActAsync(Guid id, CaseActionRequest request, string actor, Guid? actorUserId, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseAction>(request.Action, ignoreCase: true, out var action) || int.TryParse(request.Action, out _))
        {
            return Error.Invalid.Field("action", $"Unknown action '{request.Action}'. Actions: {string.Join(", ", Enum.GetNames<CaseAction>())}.");
        }

        CaseCloseReason? reason = null;
        if (request.Reason is not null)
        {
            if (!Enum.TryParse<CaseCloseReason>(request.Reason, ignoreCase: true, out var parsed) || int.TryParse(request.Reason, out _))
            {
                return Error.Invalid.Field("reason", $"Unknown close reason '{request.Reason}'. Reasons: {string.Join(", ", Enum.GetNames<CaseCloseReason>())}.");
            }

            reason = parsed;
        }

        var errors = new Dictionary<string, string[]>();
        if (action == CaseAction.Resolve)
        {
            if (string.IsNullOrWhiteSpace(request.RootCause) || request.RootCause.Length > 100)
            {
                errors["rootCause"] = ["Resolving a case needs its root cause (a category of at most 100 characters)."];
            }

            if (string.IsNullOrWhiteSpace(request.ResolutionCode) || request.ResolutionCode.Length > 100)
            {
                errors["resolutionCode"] = ["Resolving a case needs a resolution code (at most 100 characters)."];
            }
        }

        var owner = request.OwnerUserId ?? (action == CaseAction.Acknowledge ? actorUserId : null);
        if (action == CaseAction.Assign && request.OwnerUserId is null)
        {
            errors["ownerUserId"] = ["Assigning a case needs the new owner."];
        }

        if (owner is { } o && action is CaseAction.Assign or CaseAction.Acknowledge && !await IsMemberAsync(o, ct))
        {
            errors["ownerUserId"] = ["The owner must be a member of this workspace."];
        }

        if (request.Note?.Length > 4000)
        {
            errors["note"] = ["A note is at most 4 000 characters."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var refusal = await ChangeAsync(id, request.Version, actor, (@case, now, add) =>
        {
            if (action == CaseAction.Acknowledge && @case.OwnerUserId is null && owner is null)
            {
                return new Error.Invalid(new Dictionary<string, string[]> { ["ownerUserId"] = ["An API key acknowledging an unowned case must name its owner."] });
            }

            var move = CaseWorkflow.Next(@case.State, action, reason);
            if (!move.IsAllowed)
            {
                return new Error.Conflict(move.Refusal!);
            }

            var from = @case.State;
            Apply(@case, action, move.State!.Value, now, owner, reason, request);
            add(CaseEventKind.Transition, action, from, @case.State, request.Note, null, null);
            return null;
        }, ct);
        return refusal is not null ? refusal : (await ReadAsync(id, ct)).Value!;
    }

    /// <summary>Adds a note to the case's log.</summary>
    public async Task<Result<CaseDetailDto>> AddNoteAsync(Guid id, CaseNoteRequest request, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 4000)
        {
            return Error.Invalid.Field("body", "A note has 1 to 4 000 characters.");
        }

        var refusal = await ChangeAsync(id, null, actor, (@case, _, add) =>
        {
            add(CaseEventKind.Note, null, null, null, request.Body.Trim(), null, null);
            return null;
        }, ct);
        return refusal is not null ? refusal : (await ReadAsync(id, ct)).Value!;
    }

    /// <summary>
    /// Logs a contact with the customer. Reaching them moves an assigned or reopened case to InProgress (the first
    /// contact stops the first-response clock) and a case waiting on the customer back to InProgress.
    /// </summary>
    public async Task<Result<CaseDetailDto>> LogContactAsync(Guid id, CaseContactRequest request, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Channel is null || !Channels.Contains(request.Channel))
        {
            errors["channel"] = [$"The channel is one of {string.Join(", ", Channels)}."];
        }

        if (request.Outcome is null || !Outcomes.Contains(request.Outcome))
        {
            errors["outcome"] = [$"The outcome is one of {string.Join(", ", Outcomes)}."];
        }

        if (request.Note?.Length > 4000)
        {
            errors["note"] = ["A note is at most 4 000 characters."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var refusal = await ChangeAsync(id, null, actor, (@case, now, add) =>
        {
            if (!CaseWorkflow.IsOpen(@case.State) || @case.State == CaseState.New)
            {
                return new Error.Conflict(@case.State == CaseState.New
                    ? "Acknowledge or assign the case before logging a contact."
                    : $"The case is {@case.State}: reopen it to log a contact.");
            }

            add(CaseEventKind.Contact, null, null, null, request.Note?.Trim(), request.Channel, request.Outcome);
            var next = request.Outcome != "reached" ? (CaseAction?)null
                : @case.State is CaseState.Assigned or CaseState.Reopened ? CaseAction.ContactCustomer
                : @case.State == CaseState.WaitingOnCustomer ? CaseAction.CustomerReplied
                : null;
            if (next is { } step)
            {
                var from = @case.State;
                Apply(@case, step, CaseWorkflow.Next(from, step).State!.Value, now, null, null, new CaseActionRequest(step.ToString()));
                add(CaseEventKind.Transition, step, from, @case.State, null, null, null);
            }

            return null;
        }, ct);
        return refusal is not null ? refusal : (await ReadAsync(id, ct)).Value!;
    }

    /// <summary>
    /// The SLA check of <see cref="CaseSlaJob"/>: records a warning or breach once per clock, escalates an open case
    /// on a breach (raising its priority one step), closes a case resolved longer ago than the workspace allows, and
    /// schedules the next check. Runs in the caller's write transaction; returns false when the case is gone.
    /// </summary>
    internal async Task<bool> CheckSlaAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return false;
        }

        var now = Now;
        var events = await db.Set<CaseEvent>().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var settings = await SettingsAsync(ct);
        var calendar = await CalendarAsync(ct);
        var clocks = CaseSla.Compute(Changes(events), settings.TargetsFor(@case.Priority), calendar, Max(now, events[^1].At));
        var added = new List<CaseEvent>();
        void Add(CaseEventKind kind, CaseAction? action, CaseState? from, CaseState? to, string? body) =>
            added.Add(Event(@case, events.Count + added.Count + 1, now, "system", kind, action, from, to, body));

        foreach (var (name, sla) in new[] { ("first response", clocks.FirstResponse), ("resolution", clocks.Resolution) })
        {
            var warned = events.Any(e => e.Kind == CaseEventKind.SlaWarning && e.Body!.StartsWith(name, StringComparison.Ordinal));
            var breached = events.Any(e => e.Kind == CaseEventKind.SlaBreach && e.Body!.StartsWith(name, StringComparison.Ordinal));
            if (sla.Status == SlaStatus.Breached && !breached && sla.StoppedAt is null)
            {
                Add(CaseEventKind.SlaBreach, null, null, null, $"{name} target of {sla.Target.TotalHours:0.##} working hours passed at {sla.DueAt:yyyy-MM-dd HH:mm} UTC");
                if (CaseWorkflow.Next(@case.State, CaseAction.Escalate) is { IsAllowed: true } escalate)
                {
                    var from = @case.State;
                    @case.State = escalate.State!.Value;
                    @case.Priority = @case.Priority < CasePriority.Urgent ? @case.Priority + 1 : @case.Priority;
                    Add(CaseEventKind.Transition, CaseAction.Escalate, from, @case.State, $"Escalated on the {name} breach; priority {@case.Priority}");
                }
            }
            else if (sla.Status is SlaStatus.AtRisk or SlaStatus.Breached && !warned && !breached && sla.StoppedAt is null)
            {
                Add(CaseEventKind.SlaWarning, null, null, null, $"{name} at {sla.Used:P0} of its {sla.Target.TotalHours:0.##} working hours; due {sla.DueAt:yyyy-MM-dd HH:mm} UTC");
            }
        }

        if (@case.State == CaseState.Resolved && @case.ResolvedAt is { } resolved && now >= resolved.AddDays(settings.CloseResolvedAfterDays))
        {
            @case.State = CaseState.Closed;
            @case.CloseReason = CaseCloseReason.Resolved;
            @case.ClosedAt = now;
            Add(CaseEventKind.Transition, CaseAction.Close, CaseState.Resolved, CaseState.Closed, $"Closed {settings.CloseResolvedAfterDays} days after its resolution");
        }

        if (added.Count > 0)
        {
            db.AddRange(added);
            @case.UpdatedAt = now;
            @case.Version++;
            foreach (var e in added.Where(e => e.Kind != CaseEventKind.Transition || e.Action == CaseAction.Close || e.Action == CaseAction.Escalate))
            {
                db.Add(AuditEntry.Of(@case.WorkspaceId, now, "system", $"case.{Kebab(e)}", $"case:{@case.Id}", e.Body));
            }
        }

        await RecomputeAsync(@case, [.. events, .. added], now, ct);
        foreach (var e in added.Where(e => e.Kind is CaseEventKind.SlaBreach or CaseEventKind.Transition))
        {
            await PublishAsync(e.Kind == CaseEventKind.SlaBreach ? BreachedEvent : UpdatedEvent, @case, e, ct);
        }

        if (added.FirstOrDefault(e => e.Kind == CaseEventKind.SlaBreach) is { } breach)
        {
            await NotifyOwnerAsync(@case, $"Case #{@case.Number} breached its SLA", $"Case #{@case.Number} “{@case.Title}”: {breach.Body}. It is now {@case.State}, {@case.Priority} priority.", ct);
        }

        return true;
    }

    // A case update for its owner (cx-reference §7: the owner hears of an assignment and a breach), queued in the
    // change's transaction through the outbox (ADR 13).
    private async Task NotifyOwnerAsync(Case c, string subject, string line, CancellationToken ct)
    {
        if (c.OwnerUserId is not { } ownerId
            || await db.Set<User>().AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct) is not { } owner)
        {
            return;
        }

        var baseUrl = configuration["Loopwise:PublicUrl"]?.TrimEnd('/');
        string[] lines = [line, baseUrl is null ? "Open it in Loopwise under Cases." : $"Open it: {baseUrl}/cases/{c.Id}"];
        email.Add(db, new OutgoingEmail(c.WorkspaceId, EmailPurposes.Case, owner.Email, owner.DisplayName, subject,
            string.Join("\n\n", lines) + "\n", string.Concat(lines.Select(l => $"<p>{System.Net.WebUtility.HtmlEncode(l)}</p>")))
        { RelatedId = c.Id });
    }

    // The event id is the case and the event's sequence: a job that runs the same change again publishes nothing new.
    private async Task PublishAsync(string type, Case c, CaseEvent e, CancellationToken ct) =>
        await webhooks.PublishAsync(db, c.WorkspaceId, type, $"{c.Id:N}:{e.Sequence}", new
        {
            @case = new
            {
                id = c.Id, number = c.Number, title = c.Title, state = c.State.ToString(), priority = c.Priority.ToString(), ownerUserId = c.OwnerUserId,
                teamId = c.TeamId, customerId = c.CustomerId, responseId = c.ResponseId, topicKey = c.TopicKey, rootCause = c.RootCause,
                resolutionCode = c.ResolutionCode, slaStatus = c.SlaStatus.ToString(), firstResponseDueAt = c.FirstResponseDueAt, resolutionDueAt = c.ResolutionDueAt,
            },
            @event = new
            {
                sequence = e.Sequence, at = e.At, actor = e.Actor, kind = e.Kind.ToString(), action = e.Action?.ToString(),
                from = e.FromState?.ToString(), to = e.ToState?.ToString(), body = e.Body, channel = e.Channel, outcome = e.Outcome,
            },
        }, ct);

    private static string Kebab(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.SlaBreach => "sla-breach",
        CaseEventKind.SlaWarning => "sla-warning",
        _ => e.Action?.ToString().ToLowerInvariant() ?? "event",
    };

    private delegate void AddEvent(CaseEventKind kind, CaseAction? action, CaseState? from, CaseState? to, string? body, string? channel, string? outcome);

    // Loads the case in a write transaction, lets `change` act on it and add events, then recomputes, audits and saves.
    private async Task<Error?> ChangeAsync(Guid id, int? version, string actor, Func<Case, DateTime, AddEvent, Error?> change, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var @case = await db.Set<Case>().Where(visibility.Filter).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (@case is null)
            {
                return new Error.NotFound($"Case {id} does not exist in this workspace.");
            }

            if (version is { } expected && expected != @case.Version)
            {
                return new Error.Conflict($"Case #{@case.Number} changed since version {expected} (it is at version {@case.Version}): reload it and try again.");
            }

            var now = Now;
            var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
            now = Max(now, events[^1].At);
            var added = new List<CaseEvent>();
            var error = change(@case, now, (kind, action, from, to, body, channel, outcome) =>
                added.Add(Event(@case, events.Count + added.Count + 1, now, actor, kind, action, from, to, body, channel, outcome)));
            if (error is not null)
            {
                return error;
            }

            db.AddRange(added);
            @case.UpdatedAt = now;
            @case.Version++;
            foreach (var e in added)
            {
                db.Add(AuditEntry.Of(@case.WorkspaceId, now, actor, e.Kind == CaseEventKind.Transition ? $"case.{e.Action!.Value.ToString().ToLowerInvariant()}" : $"case.{e.Kind.ToString().ToLowerInvariant()}",
                    $"case:{@case.Id}", e.ToState is { } to ? $"#{@case.Number} {e.FromState} → {to}" : $"#{@case.Number}"));
            }

            await RecomputeAsync(@case, [.. events, .. added], now, ct);
            foreach (var e in added.Where(e => e.Kind is CaseEventKind.Transition or CaseEventKind.Contact))
            {
                await PublishAsync(UpdatedEvent, @case, e, ct);
            }

            if (added.Any(e => e.Action == CaseAction.Assign) && @case.OwnerUserId is { } newOwner && actor != $"user:{newOwner}")
            {
                await NotifyOwnerAsync(@case, $"Case #{@case.Number} is yours: {@case.Title}", $"Case #{@case.Number} “{@case.Title}” was assigned to you ({@case.Priority} priority).", ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                return new Error.Conflict($"Case #{@case.Number} was changed by someone else at the same time: reload it and try again.");
            }
        }

        db.ChangeTracker.Clear();
        return null;
    }

    private static void Apply(Case @case, CaseAction action, CaseState to, DateTime now, Guid? owner, CaseCloseReason? reason, CaseActionRequest request)
    {
        @case.State = to;
        switch (action)
        {
            case CaseAction.Assign:
                @case.OwnerUserId = owner;
                break;
            case CaseAction.Acknowledge:
                @case.OwnerUserId ??= owner;
                @case.AcknowledgedAt ??= now;
                break;
            case CaseAction.ContactCustomer:
                @case.FirstContactAt ??= now;
                break;
            case CaseAction.Escalate when request.Priority is { } priority:
                @case.Priority = priority;
                break;
            case CaseAction.Resolve:
                @case.RootCause = request.RootCause!.Trim();
                @case.ResolutionCode = request.ResolutionCode!.Trim();
                @case.ResolvedAt = now;
                break;
            case CaseAction.Reopen:
                @case.ResolvedAt = null;
                break;
            case CaseAction.Close:
                @case.CloseReason = reason ?? CaseCloseReason.Resolved;
                @case.ClosedAt = now;
                break;
        }

        if (!CaseWorkflow.IsOpen(to))
        {
            @case.OpenKey = null;
        }
    }

    // Sets the SLA columns from the events and schedules the next check (a warning, a breach, or the auto-close).
    private async Task RecomputeAsync(Case @case, IReadOnlyList<CaseEvent> events, DateTime now, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var calendar = await CalendarAsync(ct);
        var clocks = CaseSla.Compute(Changes(events), settings.TargetsFor(@case.Priority), calendar, now);
        ApplyClocks(@case, clocks);
        var next = CaseWorkflow.IsOpen(@case.State) ? clocks.NextCheckAfter(now)
            : @case.State == CaseState.Resolved && @case.ResolvedAt is { } resolved ? resolved.AddDays(settings.CloseResolvedAfterDays)
            : null;
        if (next is { } at)
        {
            queue.Enqueue(CaseSlaJob.For(@case.WorkspaceId, @case.Id, at));
        }
    }

    /// <summary>Sets the case's cached SLA columns (due times of running clocks, the worse status) from its clocks.</summary>
    internal static void ApplyClocks(Case c, CaseSlaClocks clocks)
    {
        c.FirstResponseDueAt = clocks.FirstResponse.StoppedAt is null ? clocks.FirstResponse.DueAt : null;
        c.ResolutionDueAt = clocks.Resolution.StoppedAt is null ? clocks.Resolution.DueAt : null;
        c.SlaStatus = Worst(clocks.FirstResponse, clocks.Resolution);
    }

    // The workspace calendar, built once per scope (a job opening hundreds of cases looked the time zone up for each).
    private async Task<BusinessCalendar> CalendarAsync(CancellationToken ct) =>
        _calendar ??= (await SettingsAsync(ct)).Calendar().Calendar ?? BusinessCalendar.OfficeHours(TimeZoneInfo.Utc);

    private static SlaStatus Worst(SlaClock a, SlaClock b)
    {
        static int Rank(SlaClock c) => c.Status switch { SlaStatus.Breached => 3, SlaStatus.AtRisk => 2, SlaStatus.OnTrack => 1, _ => 0 };
        return Rank(a) >= Rank(b) ? a.Status : b.Status;
    }

    internal static List<CaseStateChange> Changes(IEnumerable<CaseEvent> events) =>
        [.. events.Where(e => e.ToState is not null).OrderBy(e => e.Sequence).Select(e => new CaseStateChange(e.At, e.ToState!.Value))];

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private async Task<int> NextNumberAsync(Guid workspaceId, CancellationToken ct)
    {
        var values = new SqlValue(db.IsPostgres);
        var (workspace, now) = (values.Of(workspaceId), values.Of(Now));
        var json = System.Text.Json.JsonSerializer.Serialize(CaseSettingsDto.Default, CaseJson.Options);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO case_settings (workspace_id, last_number, settings_json, updated_at) VALUES ({workspace}, 0, {json}, {now}) ON CONFLICT (workspace_id) DO NOTHING", ct);
        var numbers = await db.Database.SqlQuery<int>(
            $"UPDATE case_settings SET last_number = last_number + 1 WHERE workspace_id = {workspace} RETURNING last_number AS \"Value\"").ToListAsync(ct);
        return numbers.Single();
    }

    private Task<bool> IsMemberAsync(Guid userId, CancellationToken ct) => db.Set<Membership>().AnyAsync(m => m.UserId == userId, ct);

    private static CaseEvent Event(
        Case @case, int sequence, DateTime at, string actor, CaseEventKind kind, CaseAction? action, CaseState? from, CaseState? to, string? body,
        string? channel = null, string? outcome = null) => new()
        {
            WorkspaceId = @case.WorkspaceId,
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            Sequence = sequence,
            At = at,
            Actor = actor,
            Kind = kind,
            Action = action,
            FromState = from,
            ToState = to,
            Body = body,
            Channel = channel,
            Outcome = outcome,
        };
}
