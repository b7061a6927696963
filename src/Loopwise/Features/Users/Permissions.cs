using System.Collections.Frozen;

namespace Loopwise.Features.Users;

/// <summary>
/// Capabilities checked by authorization policies (one policy per capability, same name). Roles and API keys
/// are both turned into a set of these claims, so a page, an endpoint and a key are judged by one rule.
/// The defaults follow the permission matrix of cx-reference.md §11.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "lw:perm";

    public const string DashboardsRead = "dashboards.read";
    public const string SurveysRead = "surveys.read";
    public const string SurveysWrite = "surveys.write";
    public const string SurveysPublish = "surveys.publish";
    public const string TouchpointsWrite = "touchpoints.write";
    public const string DistributionRead = "distribution.read";
    public const string DistributionWrite = "distribution.write";
    public const string ResponsesRead = "responses.read";
    public const string ResponsesWrite = "responses.write";
    public const string Export = "data.export";
    public const string UsersManage = "users.manage";
    public const string KeysManage = "keys.manage";

    /// <summary>KPI targets, action thresholds and health-model weights (§11: Leader and Director edit; Manager proposes).</summary>
    public const string TargetsWrite = "targets.write";

    /// <summary>Text analytics and key drivers: topics, sentiment, comments (redacted) (§11: every CX role but Responder and Viewer).</summary>
    public const string TextRead = "text.read";

    /// <summary>The topic taxonomy and its rules (§11: Manager edits, Practitioner and Analyst write).</summary>
    public const string TaxonomyWrite = "text.taxonomy";

    /// <summary>The workspace's background jobs: see the queue and retry dead jobs (Workspace Admin, like keys and retention).</summary>
    public const string JobsManage = "jobs.manage";

    /// <summary>Closed-loop cases: list and read them (everyone who works with feedback; Responders see their own).</summary>
    public const string CasesRead = "cases.read";

    /// <summary>Work cases: acknowledge, note, log contacts, move through the workflow, resolve (cx-reference.md §11 "Case work").</summary>
    public const string CasesWork = "cases.work";

    /// <summary>Case workflow, SLA policies, assignment and alert rules (the CX Manager edits; §11).</summary>
    public const string CasesConfigure = "cases.configure";

    /// <summary>Outer-loop improvement initiatives: create, edit and move them on (§11 "Initiatives").</summary>
    public const string InitiativesWrite = "initiatives.write";

    /// <summary>Outbound integrations: webhook endpoints, their delivery log and redelivery; the e-mail delivery log.</summary>
    public const string IntegrationsManage = "integrations.manage";

    /// <summary>Every capability, in a stable order (used for API key scopes and policy registration).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DashboardsRead, SurveysRead, SurveysWrite, SurveysPublish, TouchpointsWrite, DistributionRead,
        DistributionWrite, ResponsesRead, ResponsesWrite, Export, UsersManage, KeysManage, TargetsWrite, TextRead, TaxonomyWrite, JobsManage,
        CasesRead, CasesWork, CasesConfigure, InitiativesWrite, IntegrationsManage,
    ];

    private static readonly FrozenDictionary<Role, string[]> ByRole = new Dictionary<Role, string[]>
    {
        [Role.Leader] = [DashboardsRead, SurveysRead, TargetsWrite, TextRead, CasesRead, InitiativesWrite],
        [Role.Director] =
        [
            DashboardsRead, SurveysRead, DistributionRead, ResponsesRead, TouchpointsWrite, Export, TargetsWrite, TextRead,
            CasesRead, InitiativesWrite,
        ],
        [Role.Manager] =
        [
            DashboardsRead, SurveysRead, SurveysWrite, SurveysPublish, TouchpointsWrite, DistributionRead,
            DistributionWrite, ResponsesRead, ResponsesWrite, Export, TargetsWrite, TextRead, TaxonomyWrite,
            CasesRead, CasesWork, CasesConfigure, InitiativesWrite, IntegrationsManage,
        ],
        [Role.Practitioner] =
        [
            DashboardsRead, SurveysRead, SurveysWrite, TouchpointsWrite, DistributionRead, ResponsesRead, TextRead, TaxonomyWrite,
            CasesRead, CasesWork, InitiativesWrite,
        ],
        [Role.Analyst] = [DashboardsRead, SurveysRead, DistributionRead, ResponsesRead, Export, TextRead, TaxonomyWrite, CasesRead],
        [Role.Responder] = [CasesRead, CasesWork],
        [Role.Viewer] = [DashboardsRead],
        [Role.WorkspaceAdmin] = [UsersManage, KeysManage, JobsManage, IntegrationsManage],
        [Role.PrivacyOfficer] = [],
    }.ToFrozenDictionary();

    public static IReadOnlyList<string> ForRole(Role role) => ByRole[role];

    public static IEnumerable<string> ForRoles(IEnumerable<Role> roles) => roles.SelectMany(ForRole).Distinct(StringComparer.Ordinal);

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);
}
