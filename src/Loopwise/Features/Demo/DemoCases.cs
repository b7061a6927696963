using System.Text.Json;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Cases;
using Loopwise.Features.Initiatives;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Demo;

/// <summary>
/// The demo's closed loop: a frontline team (the responder and the practitioner, round-robin) and the CX team as the
/// fallback queue, the default alert rules of cx-reference.md §7, and the cases the detractor rule would have opened
/// over the last 60 days, each with a plausible history (acknowledged, contacted, resolved with the root cause its
/// comment points to; recent ones still open, a few past their SLA), plus three improvement initiatives.
/// </summary>
public sealed class DemoCases(LoopwiseDbContext db)
{
    public const int Days = 60;

    private static readonly (string Topic, string Cause, string Resolution)[] Causes =
    [
        ("delivery", "Delivery delay", "Replaced"),
        ("returns", "Process gap", "Refunded"),
        ("billing", "Billing error", "Refunded"),
        ("price", "Expectation mismatch", "Explained"),
        ("staff", "Staff behaviour", "Goodwill gesture"),
        ("wait-time", "Process gap", "Explained"),
        ("product", "Product defect", "Replaced"),
        ("digital", "Website/app issue", "Fixed"),
        ("checkout", "Website/app issue", "Fixed"),
        ("communication", "Communication", "Explained"),
        ("store", "Policy", "Explained"),
    ];

    /// <summary>Adds the closed loop as it stands at <paramref name="now"/> (the build's clock).</summary>
    public async Task AddAsync(Guid workspaceId, int seed, DateTime now, CancellationToken ct)
    {
        var random = new Random(seed + 17);
        var members = await db.Set<Membership>().AsNoTracking().ToListAsync(ct);
        Guid Member(Role role) => members.First(m => m.Role == role).UserId;
        var frontline = new[] { Member(Role.Responder), Member(Role.Practitioner) };
        var frontlineTeam = new CaseTeam { WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Key = "frontline", Name = "Frontline care", Strategy = AssignmentStrategy.RoundRobin };
        var cxTeam = new CaseTeam { WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Key = "cx-team", Name = "CX team", Strategy = AssignmentStrategy.Queue, IsFallback = true };
        db.AddRange(frontlineTeam, cxTeam);
        db.AddRange(frontline.Select((u, i) => new CaseTeamMember { WorkspaceId = workspaceId, TeamId = frontlineTeam.Id, UserId = u, Position = i, Capacity = 25 }));
        db.Add(new CaseTeamMember { WorkspaceId = workspaceId, TeamId = cxTeam.Id, UserId = Member(Role.Manager), Position = 0 });
        db.Add(new AssignmentRule
        {
            WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Position = 0, Name = "Every detractor to frontline care",
            MatchJson = JsonSerializer.Serialize(AssignmentMatch.Any, CaseJson.Options), TeamId = frontlineTeam.Id,
        });
        var detractorRule = Rule(workspaceId, now, "Detractor call-back", new AlertConditions(NpsAtMost: 6), new AlertActions(new AlertCaseAction(), Tags: ["detractor"]));
        db.AddRange(
            detractorRule,
            Rule(workspaceId, now, "Churn risk: cancellation", new AlertConditions(Keywords: ["cancel*", "close my account", "never again"]),
                new AlertActions(new AlertCaseAction(CasePriority.High), Tags: ["churn-risk"])),
            Rule(workspaceId, now, "Very negative comment", new AlertConditions(SentimentAtMost: -0.5), new AlertActions(Tags: ["very-negative"])));

        var calendar = CaseSettingsDto.Default.Calendar().Calendar!;
        var from = now.AddDays(-Days);
        var detractors = await db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => c.Nps != null && c.Nps <= 6 && c.RespondedAt >= from && c.CustomerId != null)
            .OrderBy(c => c.RespondedAt).ToListAsync(ct);
        var customers = await db.Set<Customers.Customer>().AsNoTracking()
            .Where(c => detractors.Select(d => d.CustomerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name ?? c.ExternalId, ct);
        var number = 0;
        var open = new HashSet<Guid>();
        foreach (var d in detractors.Where(_ => random.NextDouble() < 0.6).DistinctBy(d => d.ResponseId))
        {
            if (!open.Add(d.CustomerId!.Value))
            {
                continue; // one open case per customer: the later detractor folds into it
            }

            var topics = JsonSerializer.Deserialize<List<JsonElement>>(d.TopicsJson)?.Select(t => t.GetProperty("key").GetString() ?? "").ToList() ?? [];
            var (_, cause, resolution) = Causes.FirstOrDefault(c => topics.Any(t => t == c.Topic || t.StartsWith(c.Topic + "/", StringComparison.Ordinal)));
            cause ??= random.NextDouble() < 0.5 ? "Communication" : "Other";
            resolution ??= "Explained";
            var owner = frontline[number % frontline.Length];
            number++;
            var created = d.RespondedAt.AddMinutes(random.Next(1, 20));
            var age = (now - created).TotalDays;
            var @case = new Case
            {
                WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Number = number,
                Title = $"{detractorRule.Name}: {customers.GetValueOrDefault(d.CustomerId.Value, "customer")}",
                State = CaseState.New, Priority = d.Nps <= 2 ? CasePriority.High : CasePriority.Normal, TeamId = frontlineTeam.Id,
                CustomerId = d.CustomerId, ResponseId = d.ResponseId, TouchpointId = d.TouchpointId == Guid.Empty ? null : d.TouchpointId,
                TopicKey = topics.FirstOrDefault() ?? $"rule:{detractorRule.Id:N}", AlertRuleId = detractorRule.Id, CreatedAt = created,
            };
            var events = new List<CaseEvent>();
            void Step(DateTime at, CaseEventKind kind, CaseAction? action, CaseState? to, string actor, string? body = null, string? channel = null, string? outcome = null)
            {
                events.Add(new CaseEvent
                {
                    WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), CaseId = @case.Id, Sequence = events.Count + 1, At = at, Actor = actor, Kind = kind,
                    Action = action, FromState = to is null ? null : @case.State, ToState = to, Body = body, Channel = channel, Outcome = outcome,
                });
                if (to is { } state)
                {
                    @case.State = state;
                }
            }

            var person = $"user:{owner}";
            Step(created, CaseEventKind.Created, null, CaseState.New, $"rule:{detractorRule.Id}");
            Step(created, CaseEventKind.Transition, CaseAction.Assign, CaseState.Assigned, $"rule:{detractorRule.Id}");
            @case.OwnerUserId = owner;
            // Working hours to first contact: mostly within the day, a tail beyond the 8-hour target.
            var contactAfter = TimeSpan.FromHours(random.NextDouble() < 0.8 ? 0.5 + (random.NextDouble() * 6) : 8 + (random.NextDouble() * 16));
            var contactAt = calendar.Add(created, contactAfter);
            if (contactAt < now && !(age < 2 && random.NextDouble() < 0.5))
            {
                Step(contactAt.AddMinutes(-5), CaseEventKind.Transition, CaseAction.Acknowledge, CaseState.Assigned, person);
                @case.AcknowledgedAt = contactAt.AddMinutes(-5);
                Step(contactAt, CaseEventKind.Contact, null, null, person, "Called the customer, apologised and agreed the next step.", "phone", "reached");
                Step(contactAt, CaseEventKind.Transition, CaseAction.ContactCustomer, CaseState.InProgress, person);
                @case.FirstContactAt = contactAt;
                var resolveAt = calendar.Add(contactAt, TimeSpan.FromHours(1 + (random.NextDouble() * (random.NextDouble() < 0.85 ? 20 : 60))));
                if (resolveAt < now && random.NextDouble() < 0.9)
                {
                    Step(resolveAt, CaseEventKind.Transition, CaseAction.Resolve, CaseState.Resolved, person, $"{resolution}.");
                    (@case.RootCause, @case.ResolutionCode, @case.ResolvedAt) = (cause, resolution, resolveAt);
                    if (resolveAt.AddDays(7) < now)
                    {
                        Step(resolveAt.AddDays(7), CaseEventKind.Transition, CaseAction.Close, CaseState.Closed, "system", "Closed 7 days after its resolution");
                        (@case.CloseReason, @case.ClosedAt) = (CaseCloseReason.Resolved, resolveAt.AddDays(7));
                    }
                }
            }

            var clocks = CaseSla.Compute(CaseService.Changes(events), CaseSettingsDto.Default.TargetsFor(@case.Priority), calendar, now);
            CaseService.ApplyClocks(@case, clocks);
            @case.OpenKey = CaseWorkflow.IsOpen(@case.State) ? $"{d.CustomerId:N}|{@case.TopicKey}" : null;
            if (!CaseWorkflow.IsOpen(@case.State))
            {
                open.Remove(d.CustomerId.Value);
            }

            @case.UpdatedAt = events[^1].At;
            @case.Version = events.Count;
            db.Add(@case);
            db.AddRange(events);
            db.Add(new AlertFiring { WorkspaceId = workspaceId, RuleId = detractorRule.Id, ResponseId = d.ResponseId, FiredAt = created, CaseId = @case.Id });
        }

        db.Add(new CaseSettings
        {
            WorkspaceId = workspaceId, LastNumber = number, UpdatedAt = now,
            SettingsJson = JsonSerializer.Serialize(CaseSettingsDto.Default, CaseJson.Options),
        });

        var delivery = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Key).FirstOrDefaultAsync(t => t.Key.Contains("delivery"), ct);
        db.AddRange(
            Initiative(workspaceId, now, "Courier hand-over checklist", "Delivery delay", delivery?.Id, 6, 10, InitiativeStatus.Delivered, DateOnly.FromDateTime(now.AddDays(-30)), Member(Role.Manager)),
            Initiative(workspaceId, now, "Proactive refund status e-mails", "Billing error", null, 4, 5, InitiativeStatus.InProgress, null, Member(Role.Practitioner)),
            Initiative(workspaceId, now, "Store staff coaching on complaints", "Staff behaviour", null, 3, 15, InitiativeStatus.Proposed, null, Member(Role.Director)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static AlertRule Rule(Guid workspaceId, DateTime now, string name, AlertConditions conditions, AlertActions actions) => new()
    {
        WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Name = name, Enabled = true, CreatedAt = now, UpdatedAt = now,
        ConditionsJson = JsonSerializer.Serialize(conditions, CaseJson.Options), ActionsJson = JsonSerializer.Serialize(actions, CaseJson.Options),
    };

    private static Initiative Initiative(
        Guid workspaceId, DateTime now, string title, string cause, Guid? touchpoint, double impact, double effort, InitiativeStatus status, DateOnly? delivered, Guid owner) => new()
    {
        WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Title = title, RootCause = cause, TouchpointId = touchpoint, Kpi = "tnps",
        ExpectedImpact = impact, Effort = effort, Status = status, DeliveredOn = delivered, OwnerUserId = owner, CreatedAt = now.AddDays(-45), UpdatedAt = now,
    };
}
