using System.Globalization;
using System.Net;
using Loopwise.Features.Customers;
using Loopwise.Features.Email;
using Loopwise.Features.Surveys;
using Loopwise.Features.Workspaces;

namespace Loopwise.Features.Invitations;

/// <summary>The e-mail of one invitation: the customer's own link, the expiry, and a one-click unsubscribe link (RFC 8058).</summary>
public static class InvitationEmail
{
    public static OutgoingEmail Compose(Workspace workspace, Survey survey, Customer customer, Invitation invitation, string link, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invitation);
        var token = EmailOutbox.NewUnsubscribeToken();
        var unsubscribe = EmailOutbox.UnsubscribeUrl(baseUrl, token);
        var greeting = string.IsNullOrWhiteSpace(customer.Name) ? "Hello," : $"Hello {customer.Name},";
        var expires = invitation.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var subject = $"{workspace.Name}: {survey.Name}";
        var text =
            $"{greeting}\n\n{workspace.Name} would like to hear about your experience. The survey takes a few minutes:\n\n{link}\n\n" +
            $"This link is yours alone and works until {expires}.\n\n--\nNo more survey invitations: {unsubscribe}\n";
        string H(string value) => WebUtility.HtmlEncode(value);
        var html =
            $"<!DOCTYPE html><html><body><p>{H(greeting)}</p><p>{H(workspace.Name)} would like to hear about your experience. The survey takes a few minutes:</p>" +
            $"<p><a href=\"{H(link)}\">{H(survey.Name)}</a></p><p>This link is yours alone and works until {H(expires)}.</p>" +
            $"<hr><p><small><a href=\"{H(unsubscribe)}\">Unsubscribe</a> from survey invitations.</small></p></body></html>";
        return new OutgoingEmail(workspace.Id, EmailPurposes.Invitation, customer.Email!, customer.Name, subject, text, html)
        {
            CustomerId = customer.Id,
            RelatedId = invitation.Id,
            UnsubscribeToken = token,
            UnsubscribeUrl = unsubscribe,
        };
    }
}
