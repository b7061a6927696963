namespace Loopwise.Features.Users;

/// <summary>The roles of cx-reference.md §11: the CXPA job families plus the operational roles the product needs.</summary>
public enum Role
{
    Leader,
    Director,
    Manager,
    Practitioner,
    Analyst,
    Responder,
    Viewer,
    WorkspaceAdmin,
    PrivacyOfficer,
}
