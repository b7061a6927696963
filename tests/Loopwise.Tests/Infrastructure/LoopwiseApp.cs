using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// The real Loopwise server over real HTTP and a real database (a temporary SQLite file or a fresh PostgreSQL
/// database). Tests isolate themselves by creating their own workspace, as tenants are isolated in production.
/// <paramref name="configure"/> adds settings or test services (a fixture with its own clock or job handlers).
/// </summary>
public sealed class LoopwiseApp(string database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public string Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Db", Database);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Testing");
        configure?.Invoke(builder);
    }

    /// <summary>Runs <paramref name="action"/> with services of one scope, inside <paramref name="workspaceId"/> when given.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action, Guid? workspaceId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        if (workspaceId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(id);
        }

        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// A new workspace with a person holding every role and an API key holding every scope: the usual start of a test.
    /// </summary>
    public async Task<TestWorkspace> CreateWorkspaceAsync(string? slug = null)
    {
        slug ??= "ws-" + Guid.NewGuid().ToString("N")[..12];
        var email = $"admin@{slug}.test";
        const string password = "correct-horse-battery";
        var (workspace, key) = await WithScopeAsync(async services =>
        {
            var ct = CancellationToken.None;
            var workspace = (await services.GetRequiredService<WorkspaceService>().CreateAsync(slug, $"Workspace {slug}", ct)).Value!;
            services.GetRequiredService<WorkspaceScope>().Set(workspace.Id);
            await services.GetRequiredService<UserService>().AddAsync(workspace.Id, email, "Ada Admin", password, Enum.GetValues<Role>(), ct);
            var key = (await services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, "tests", [.. Permissions.All], ct)).Value!;
            return (workspace, key.Key);
        });

        var api = CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return new TestWorkspace(workspace.Id, workspace.Slug, email, password, key, api);
    }
}

/// <summary>A workspace made for one test: ids, credentials and an HTTP client authenticated by API key.</summary>
public sealed record TestWorkspace(Guid Id, string Slug, string Email, string Password, string ApiKey, HttpClient Api);
