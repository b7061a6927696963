using System.Globalization;
using System.Net;
using Loopwise.Data;
using Loopwise.Features.Email;

namespace Loopwise.Features.Alerts;

/// <summary>
/// The "notify" action of an alert rule: one e-mail per address, queued in the firing's transaction through the
/// <see cref="EmailOutbox"/> (ADR 13), so it is sent once the firing commits and never for a firing that rolled back.
/// Links point at <c>Loopwise:PublicUrl</c> when it is set.
/// </summary>
public sealed class AlertEmailAction(LoopwiseDbContext db, EmailOutbox outbox, IConfiguration configuration) : IAlertAction
{
    public Task OnFiredAsync(AlertFiringContext firing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firing);
        var addresses = firing.Actions.NotifyEmails ?? [];
        if (addresses.Count == 0)
        {
            return Task.CompletedTask;
        }

        var baseUrl = configuration["Loopwise:PublicUrl"]?.TrimEnd('/');
        var who = firing.CustomerName ?? "an anonymous respondent";
        var subject = firing.CaseNumber is { } n ? $"{firing.Rule.Name}: case #{n} for {who}" : $"{firing.Rule.Name}: {who}";
        var facts = firing.Facts;
        var lines = new List<string> { $"The alert rule “{firing.Rule.Name}” fired on a response from {who}." };
        if (facts.Nps is { } nps)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Likelihood to recommend: {nps}/10."));
        }

        if (facts.Csat is { } csat)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Satisfaction: {csat}/5."));
        }

        if (facts.Text.Length > 0)
        {
            lines.Add($"Comment: “{(facts.Text.Length > 600 ? facts.Text[..600] + "…" : facts.Text)}”");
        }

        if (firing.CaseId is { } caseId)
        {
            lines.Add(baseUrl is null ? $"Open case #{firing.CaseNumber} in Loopwise (Cases)." : $"Open the case: {baseUrl}/cases/{caseId}");
        }

        var text = string.Join("\n\n", lines) + "\n";
        var html = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Add(db, new OutgoingEmail(firing.Response.WorkspaceId, EmailPurposes.Alert, address.Trim(), null, subject, text, html)
            {
                CustomerId = firing.Response.CustomerId,
                RelatedId = firing.CaseId ?? firing.Response.Id,
            });
        }

        return Task.CompletedTask;
    }
}
