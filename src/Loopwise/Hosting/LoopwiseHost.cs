using System.Text.Json.Serialization;
using Loopwise.Data;
using Loopwise.Features.Health;
using Loopwise.Features.Responses;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Loopwise.Web.Auth;

namespace Loopwise.Hosting;

/// <summary>The host wiring shared by <c>serve</c>, the CLI verbs and the tests: one place, so they cannot drift.</summary>
public static class LoopwiseHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddEnvironmentVariables("LOOPWISE_");

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
        services.AddResponses();

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
        app.MapApiKeysApi();
        app.MapResponsesApi();
        return app;
    }
}
