using System.CommandLine;
using Loopwise.Data;
using Loopwise.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Cli;

/// <summary>The <c>--workspace</c> option shared by verbs that act inside one workspace.</summary>
internal static class CliWorkspace
{
    public static Option<string> Create() => new("--workspace", "-w")
    {
        Description = "Workspace slug",
        Required = true,
    };

    /// <summary>Finds the workspace and sets the scope; prints a readable error and returns null when it does not exist.</summary>
    public static async Task<Workspace?> EnterAsync(IServiceProvider services, string slug, CancellationToken ct)
    {
        var workspace = await services.GetRequiredService<WorkspaceService>().FindBySlugAsync(slug, ct);
        if (workspace is null)
        {
            await Console.Error.WriteLineAsync($"error: no workspace '{slug}'. Create it with: loopwise workspace add --slug {slug} --name \"...\"");
            return null;
        }

        services.GetRequiredService<WorkspaceScope>().Set(workspace.Id);
        return workspace;
    }

    /// <summary>
    /// The workspaces a verb with an optional <c>--workspace</c> acts on: the one named (null, after a readable error,
    /// when it does not exist) or every workspace by slug.
    /// </summary>
    public static async Task<List<Workspace>?> OneOrAllAsync(IServiceProvider services, string? slug, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        if (slug is null)
        {
            return await scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>().Set<Workspace>().AsNoTracking().OrderBy(w => w.Slug).ToListAsync(ct);
        }

        return await EnterAsync(scope.ServiceProvider, slug, ct) is { } found ? [found] : null;
    }

    /// <summary>Prints a use-case error for a person at a terminal, and returns the exit code for it.</summary>
    public static int Fail(Web.Error error)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        if (error is Web.Error.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Fields)
            {
                foreach (var message in messages)
                {
                    Console.Error.WriteLine($"  {field}: {message}");
                }
            }
        }

        return error is Web.Error.NotFound ? 3 : 2;
    }
}
