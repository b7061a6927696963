using System.Globalization;
using System.Net;
using Loopwise.Data;
using Loopwise.Features.Cases;
using Loopwise.Features.Email;
using Loopwise.Features.Jobs;
using Loopwise.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Alerts;

/// <summary>
/// <c>alerts.kpi</c>: a KPI entered its action threshold (a threshold event, committed with this job by
/// <see cref="Targets.ThresholdMonitor"/>); every enabled KPI rule watching it fires once: a case about the KPI, the
/// e-mails and the <c>alert.fired</c> webhook, written with the firing (keyed by rule and event) and the job's success
/// in one transaction.
/// </summary>
public sealed class KpiAlertJob(
    LoopwiseDbContext db, SqliteWriteGate gate, CaseService cases, EmailOutbox email, WebhookOutbox webhooks, TimeProvider clock, IConfiguration configuration) : IJobHandler
{
    public const string Kind = "alerts.kpi";

    public static NewJob For(Guid workspaceId, Payload payload) => NewJob.Of(Kind, payload, workspaceId, payload.Event.ToString("N"));

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var e = job.ReadPayload<Payload>();
        var rules = (await db.Set<AlertRule>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.CreatedAt).ToListAsync(ct))
            .Select(r => (Rule: r, r.Conditions, r.Actions)).Where(r => r.Conditions.Watches(e.Kpi)).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var what = string.Create(CultureInfo.InvariantCulture, $"{e.Kpi} entered its action threshold in {e.Period}: {e.Value:0.##} (n={e.N}; action {e.Threshold})");
        var baseUrl = configuration["Loopwise:PublicUrl"]?.TrimEnd('/');
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var fired = (await db.Set<AlertFiring>().AsNoTracking().Where(f => f.ResponseId == e.Event).Select(f => f.RuleId).ToListAsync(ct)).ToHashSet();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (rule, _, actions) in rules.Where(r => !fired.Contains(r.Rule.Id)))
            {
                Case? opened = null;
                if (actions.OpenCase is { } open)
                {
                    (opened, _) = await cases.OpenAsync(
                        new NewCase($"{rule.Name}: {what}", open.Priority, null, null, null, null, $"kpi:{e.Kpi}", rule.Id, new Dictionary<string, string>()),
                        $"rule:{rule.Id}", ct);
                }

                var lines = new List<string> { $"The alert rule “{rule.Name}” fired: {what}." };
                if (opened is not null)
                {
                    lines.Add(baseUrl is null ? $"Case #{opened.Number} is open in Loopwise (Cases)." : $"Open the case: {baseUrl}/cases/{opened.Id}");
                }

                foreach (var address in (actions.NotifyEmails ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    email.Add(db, new OutgoingEmail(db.Scope.WorkspaceId, EmailPurposes.Alert, address.Trim(), null, $"{rule.Name}: {e.Kpi} in its action threshold",
                        string.Join("\n\n", lines) + "\n", string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")))
                    { RelatedId = opened?.Id ?? e.Event });
                }

                if (actions.CallWebhooks)
                {
                    await webhooks.PublishAsync(db, db.Scope.WorkspaceId, AlertWebhookAction.EventType, $"{rule.Id:N}:{e.Event:N}", new
                    {
                        rule = new { id = rule.Id, name = rule.Name },
                        kpi = new { id = e.Kpi, period = e.Period, value = e.Value, n = e.N, threshold = e.Threshold, direction = e.Direction, eventId = e.Event },
                        @case = opened is null ? null : new { id = opened.Id, number = opened.Number },
                        firedAt = now,
                    }, ct);
                }

                db.Add(new AlertFiring { WorkspaceId = db.Scope.WorkspaceId, RuleId = rule.Id, ResponseId = e.Event, FiredAt = now, CaseId = opened?.Id });
            }

            await db.SaveChangesAsync(ct);
            await job.MarkSucceededAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>The threshold event: its id, the KPI, the period (yyyy-MM), value and n, the action threshold and direction.</summary>
    public sealed record Payload(Guid Event, string Kpi, string Period, double Value, long N, string Threshold, string Direction);
}
