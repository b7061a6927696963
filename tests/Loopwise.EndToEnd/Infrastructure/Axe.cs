using System.Text.Json;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Infrastructure;

/// <summary>Runs axe-core (from node_modules, installed by package-lock.json) in the page and returns WCAG A/AA violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package-lock.json")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "node_modules", "axe-core", "axe.min.js");
        return path is not null && File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException("node_modules/axe-core/axe.min.js not found: run `npm ci` at the repository root.");
    });

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated as a function, so it works even when the page's own JavaScript is switched off.
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'); }");
        return json.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
