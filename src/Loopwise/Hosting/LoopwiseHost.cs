using System.Text.Json.Serialization;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Cases;
using Loopwise.Features.Commerce;
using Loopwise.Features.CustomerHealth;
using Loopwise.Features.Dashboards;
using Loopwise.Features.Demo;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Email;
using Loopwise.Features.Health;
using Loopwise.Features.Initiatives;
using Loopwise.Features.Invitations;
using Loopwise.Features.Jobs;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Respond;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Surveys;
using Loopwise.Features.Targets;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Features.Webhooks;
using Loopwise.Features.Workspaces;
using Loopwise.Web.Auth;

namespace Loopwise.Hosting;

/// <summary>The host wiring shared by <c>serve</c>, the CLI verbs and the tests: one place, so they cannot drift.</summary>
public static class LoopwiseHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The content root is the program's own folder (not the current directory), so `loopwise` finds its web assets
        // wherever it is started from; the data directory stays relative to the current directory. Tests set their own.
        var contentRootGiven = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        // The application is always this assembly (its Razor Pages and static web assets), also when another program,
        // such as the load tool, hosts it.
        var applicationGiven = args.Any(a => a.StartsWith("--applicationName", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = applicationGiven ? null : typeof(LoopwiseHost).Assembly.GetName().Name,
            ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("LOOPWISE_");

        // A built (not published) app serves wwwroot/dist from the source tree through the static web assets manifest.
        builder.WebHost.UseStaticWebAssets();

        // Logs: structured JSON on stdout for the server; CLI verbs turn this down to warnings.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LoopwiseMetrics>();
        services.AddLoopwiseData(DatabaseOptions.Parse(builder.Configuration["Db"]));
        services.AddHostedService<DatabaseMigrator>();

        // Web: Razor Pages live beside their feature (Features/<X>/*.cshtml), APIs are minimal-API route groups.
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddProblemDetails();
        services.AddValidation();
        services.AddOpenApi("v1");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddLoopwiseAuth();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // Feature services.
        services.AddScoped<WorkspaceService>();
        services.AddScoped<UserService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ResponseWriter>();
        services.AddScoped<TouchpointService>();
        services.AddScoped<SurveyService>();
        services.AddScoped<MetricsQuery>();
        services.AddScoped<DemoGenerator>();
        services.AddScoped<DemoOperations>();
        services.AddScoped<DemoCases>();
        services.AddScoped<RespondentFlow>();
        services.AddSingleton<PublishedLinks>();
        services.AddSingleton<DimensionCatalog>();
        services.AddScoped<DimensionService>();
        services.AddScoped<KpiReferenceData>();
        services.AddScoped<SurveyKpiCounts>();
        services.AddScoped<KpiSeriesQuery>();
        services.AddScoped<KpiSeriesBatch>();
        services.AddScoped<OperationalKpiCells>();
        services.AddScoped<BusinessKpiCells>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardResponses>();
        services.AddScoped<InvitationService>();
        services.AddResponses();
        services.AddSupport();
        services.AddCommerce();
        services.AddTargets();
        services.AddCustomerHealth();
        services.AddTextAnalytics();
        services.AddCases();
        services.AddJobs();
        services.AddEmail();
        services.AddWebhooks();

        return builder;
    }

    public static WebApplication Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseWorkspaceScope();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapRazorPages();
        app.MapRespondent();
        app.MapApiKeysApi();
        app.MapTouchpointsApi();
        app.MapSurveysApi();
        app.MapMetricsApi();
        app.MapInvitationsApi();
        app.MapResponsesApi();
        app.MapDimensionsApi();
        app.MapKpisApi();
        app.MapSupportApi();
        app.MapCommerceApi();
        app.MapTargetsApi();
        app.MapCustomerHealthApi();
        app.MapTextAnalyticsApi();
        app.MapJobsApi();
        app.MapCasesApi();
        app.MapAlertRulesApi();
        app.MapInitiativesApi();
        app.MapEmailsApi();
        app.MapUnsubscribe();
        app.MapWebhooksApi();
        return app;
    }
}
