using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;

namespace Loopwise.Features.Demo;

/// <summary>Which of the three demo surveys a touchpoint feeds.</summary>
public enum DemoSurvey
{
    RelationshipNps,
    PurchaseCsat,
    SupportCes,
}

/// <summary>Topics the demo comments talk about (the vocabularies of <see cref="DemoComments"/>).</summary>
public enum DemoTopic
{
    Delivery,
    Price,
    Staff,
    Quality,
    Returns,
    App,
    Wait,
    Billing,
}

/// <summary>
/// One demo touchpoint with what shapes its responses: the survey it feeds, its share of that survey's volume,
/// its base experience quality (0 bad .. 1 great), how responses reach us, and the topics customers mention there.
/// </summary>
public sealed record DemoTouchpoint(
    string Key,
    string Name,
    Channel Channel,
    string Stage,
    DemoSurvey Survey,
    double Share,
    double Quality,
    double AbandonRate,
    double AnonymousRate,
    IReadOnlyList<(DistributionChannel Channel, double Weight)> Distribution,
    IReadOnlyList<(DemoTopic Topic, double Weight)> Topics,
    DemoWeek Week);

/// <summary>The weekly rhythm of a touchpoint's volume.</summary>
public enum DemoWeek
{
    /// <summary>Online shopping: evenings and weekends a little busier.</summary>
    Online,

    /// <summary>Stores: Saturdays and Sundays much busier.</summary>
    Store,

    /// <summary>Contact centre and chat: weekdays, quiet weekends.</summary>
    Office,

    /// <summary>Couriers: Monday to Saturday.</summary>
    Courier,

    /// <summary>E-mailed relationship surveys: sent Tuesday to Thursday.</summary>
    Mailing,
}

/// <summary>A demo sign-in account.</summary>
public sealed record DemoAccount(string Email, string DisplayName, IReadOnlyList<Role> Roles, string What);

/// <summary>
/// Northwind Outfitters: a fictional omnichannel outdoor-gear retailer (web, app, stores, contact centre, chat,
/// social) with a paid membership, the Trail Club. Everything the demo generator knows about the company lives here.
/// </summary>
public static class DemoCompany
{
    public const string Slug = "demo";

    public const string Name = "Northwind Outfitters";

    /// <summary>The one password of every demo account. Public on purpose: the demo is for a local machine.</summary>
    public const string Password = "loopwise-demo";

    /// <summary>The journey stages, in order (cx-reference.md §8).</summary>
    public static IReadOnlyList<string> Stages { get; } = ["Discover", "Buy", "Receive", "Use", "Get help", "Renew"];

    /// <summary>Share of the completed responses that each survey gets.</summary>
    public static double SurveyShare(DemoSurvey survey) => survey switch
    {
        DemoSurvey.RelationshipNps => 0.2,
        DemoSurvey.PurchaseCsat => 0.5,
        DemoSurvey.SupportCes => 0.3,
        _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown demo survey."),
    };

    public static IReadOnlyList<DemoTouchpoint> Touchpoints { get; } =
    [
        new("product-pages", "Product pages and gear guides", Channel.Web, "Discover", DemoSurvey.PurchaseCsat, 0.06, 0.64, 0.22, 0.6,
            [(DistributionChannel.Widget, 1)],
            [(DemoTopic.Quality, 3), (DemoTopic.Price, 3), (DemoTopic.App, 2)], DemoWeek.Online),
        new("web-checkout", "Web checkout", Channel.Web, "Buy", DemoSurvey.PurchaseCsat, 0.28, 0.70, 0.1, 0.05,
            [(DistributionChannel.Email, 0.7), (DistributionChannel.Widget, 0.3)],
            [(DemoTopic.Price, 3), (DemoTopic.Delivery, 3), (DemoTopic.App, 2), (DemoTopic.Billing, 1), (DemoTopic.Quality, 2)], DemoWeek.Online),
        new("mobile-app", "Mobile app", Channel.App, "Buy", DemoSurvey.PurchaseCsat, 0.2, 0.66, 0.16, 0.02,
            [(DistributionChannel.InApp, 1)],
            [(DemoTopic.App, 5), (DemoTopic.Delivery, 2), (DemoTopic.Price, 2), (DemoTopic.Quality, 1)], DemoWeek.Online),
        new("in-store-checkout", "In-store checkout", Channel.InPerson, "Buy", DemoSurvey.PurchaseCsat, 0.26, 0.78, 0.08, 0.35,
            [(DistributionChannel.Email, 0.5), (DistributionChannel.Qr, 0.35), (DistributionChannel.Kiosk, 0.15)],
            [(DemoTopic.Staff, 5), (DemoTopic.Quality, 3), (DemoTopic.Wait, 2), (DemoTopic.Price, 2)], DemoWeek.Store),
        new("home-delivery", "Home delivery", Channel.Sms, "Receive", DemoSurvey.PurchaseCsat, 0.2, 0.66, 0.12, 0.02,
            [(DistributionChannel.Sms, 0.7), (DistributionChannel.Email, 0.3)],
            [(DemoTopic.Delivery, 8), (DemoTopic.Quality, 1)], DemoWeek.Courier),
        new("member-check-in", "Trail Club quarterly check-in", Channel.Email, "Use", DemoSurvey.RelationshipNps, 0.75, 0.64, 0.07, 0,
            [(DistributionChannel.Email, 1)],
            [(DemoTopic.Quality, 4), (DemoTopic.Price, 3), (DemoTopic.Delivery, 2), (DemoTopic.Staff, 2), (DemoTopic.Returns, 1), (DemoTopic.App, 1)], DemoWeek.Mailing),
        new("club-renewal", "Trail Club renewal", Channel.Email, "Renew", DemoSurvey.RelationshipNps, 0.25, 0.58, 0.09, 0,
            [(DistributionChannel.Email, 1)],
            [(DemoTopic.Price, 4), (DemoTopic.Billing, 3), (DemoTopic.Quality, 2), (DemoTopic.Delivery, 1)], DemoWeek.Mailing),
        new("contact-centre", "Contact centre", Channel.Phone, "Get help", DemoSurvey.SupportCes, 0.4, 0.48, 0.1, 0.03,
            [(DistributionChannel.Sms, 0.6), (DistributionChannel.Email, 0.4)],
            [(DemoTopic.Wait, 5), (DemoTopic.Staff, 3), (DemoTopic.Billing, 2), (DemoTopic.Returns, 2), (DemoTopic.Delivery, 2)], DemoWeek.Office),
        new("live-chat", "Live chat", Channel.Chat, "Get help", DemoSurvey.SupportCes, 0.3, 0.46, 0.14, 0.1,
            [(DistributionChannel.Widget, 1)],
            [(DemoTopic.Wait, 4), (DemoTopic.Staff, 3), (DemoTopic.App, 2), (DemoTopic.Returns, 1)], DemoWeek.Office),
        new("returns-portal", "Returns portal", Channel.Web, "Get help", DemoSurvey.SupportCes, 0.2, 0.6, 0.12, 0.02,
            [(DistributionChannel.Email, 0.5), (DistributionChannel.Widget, 0.5)],
            [(DemoTopic.Returns, 6), (DemoTopic.Billing, 2), (DemoTopic.Delivery, 1)], DemoWeek.Online),
        new("social-care", "Social media care", Channel.Social, "Get help", DemoSurvey.SupportCes, 0.1, 0.45, 0.2, 0.5,
            [(DistributionChannel.Link, 1)],
            [(DemoTopic.Delivery, 3), (DemoTopic.Wait, 3), (DemoTopic.Staff, 2), (DemoTopic.Returns, 1)], DemoWeek.Office),
    ];

    public static IReadOnlyList<string> Regions { get; } =
        ["Pacific Northwest", "California", "Mountain West", "Midwest", "Northeast", "South", "Ontario", "Québec"];

    public static IReadOnlyList<string> Stores { get; } =
        ["Seattle Pike Street", "Portland Pearl District", "Denver LoDo", "Boston Seaport", "Minneapolis North Loop", "Austin South Congress", "Toronto Queen West", "Montréal Plateau"];

    /// <summary>One account per role of cx-reference.md §11, at <c>{name}@{slug}.loopwise.test</c> (a reserved test domain).</summary>
    public static IReadOnlyList<DemoAccount> Accounts(string slug) =>
    [
        Account(slug, "manager", "Morgan Manager", Role.Manager, "runs the programme: surveys, distribution, responses"),
        Account(slug, "leader", "Lee Leader", Role.Leader, "CX leader: scorecards and trends"),
        Account(slug, "director", "Dana Director", Role.Director, "CX director: cross-unit comparisons, journeys"),
        Account(slug, "practitioner", "Pat Practitioner", Role.Practitioner, "builds surveys and journeys"),
        Account(slug, "analyst", "Alex Analyst", Role.Analyst, "analysis, exports, API"),
        Account(slug, "responder", "Riley Responder", Role.Responder, "frontline: closes the loop on cases"),
        Account(slug, "viewer", "Vic Viewer", Role.Viewer, "read-only dashboards"),
        Account(slug, "admin", "Ari Admin", Role.WorkspaceAdmin, "workspace admin: people and API keys"),
        Account(slug, "privacy", "Priya Privacy", Role.PrivacyOfficer, "privacy officer: access and erasure requests"),
    ];

    private static DemoAccount Account(string slug, string name, string displayName, Role role, string what) =>
        new($"{name}@{slug}.loopwise.test", displayName, [role], what);
}
