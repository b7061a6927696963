using Loopwise.Core.Cases;

namespace Loopwise.Features.Alerts;

/// <summary>What a rule does when it fires: open a case, e-mail people, call the workspace's webhooks, tag the response.</summary>
public sealed record AlertActions(
    AlertCaseAction? OpenCase = null,
    IReadOnlyList<string>? NotifyEmails = null,
    bool CallWebhooks = false,
    IReadOnlyList<string>? Tags = null)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (NotifyEmails?.Any(e => e.Count(c => c == '@') != 1 || e.Length > 320 || e.Contains(' ', StringComparison.Ordinal)) == true)
        {
            errors["actions.notifyEmails"] = ["Each address must be a single e-mail address."];
        }

        if (Tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 64) == true)
        {
            errors["actions.tags"] = ["Tags are 1 to 64 characters."];
        }

        if (OpenCase is null && NotifyEmails is not { Count: > 0 } && !CallWebhooks && Tags is not { Count: > 0 })
        {
            errors["actions"] = ["A rule needs at least one action: open a case, notify, call webhooks or tag."];
        }

        return errors;
    }
}

/// <summary>Open a case with this priority (its title defaults to the rule's name and the customer).</summary>
public sealed record AlertCaseAction(CasePriority Priority = CasePriority.Normal);
