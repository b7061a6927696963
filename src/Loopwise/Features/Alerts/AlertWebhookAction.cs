using Loopwise.Data;
using Loopwise.Features.Webhooks;

namespace Loopwise.Features.Alerts;

/// <summary>
/// The "call webhooks" action of an alert rule: an <c>alert.fired</c> event to every endpoint subscribed to it, queued
/// in the firing's transaction (ADR 14); the event id (rule and response) keeps a re-run from publishing it twice.
/// </summary>
public sealed class AlertWebhookAction(LoopwiseDbContext db, WebhookOutbox webhooks) : IAlertAction
{
    public const string EventType = "alert.fired";

    public async Task OnFiredAsync(AlertFiringContext firing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firing);
        if (!firing.Actions.CallWebhooks)
        {
            return;
        }

        var r = firing.Response;
        await webhooks.PublishAsync(db, r.WorkspaceId, EventType, $"{firing.Rule.Id:N}:{r.Id:N}", new
        {
            rule = new { id = firing.Rule.Id, name = firing.Rule.Name },
            response = new { id = r.Id, surveyId = r.SurveyId, touchpoint = firing.Facts.Touchpoint, completedAt = r.CompletedAt, nps = firing.Facts.Nps, csat = firing.Facts.Csat, comment = firing.Facts.Text },
            customer = r.CustomerId is { } c ? new { id = c, name = firing.CustomerName } : null,
            @case = firing.CaseId is { } id ? new { id, number = firing.CaseNumber } : null,
            firedAt = firing.FiredAt,
        }, ct);
    }
}
