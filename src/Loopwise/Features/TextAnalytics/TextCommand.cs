using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Loopwise.Cli;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;
using Loopwise.Data;
using Spectre.Console;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// <c>loopwise text score [FILE]</c>: one comment per line in (a file or stdin), one JSON line per comment out; needs no
/// server or database. <c>loopwise text reanalyse [--workspace slug]</c>: re-analyses stored comments with a progress bar.
/// </summary>
internal static class TextCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create() => new("text", "Text analytics: score comments, re-analyse stored ones.") { Score(), Reanalyse() };

    private static Command Score()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A UTF-8 file with one comment per line (default: standard input)", Arity = ArgumentArity.ZeroOrOne };
        var industry = new Option<string>("--industry")
        {
            Description = $"Starter taxonomy for topics: {string.Join(", ", StarterTaxonomies.Industries)}",
            DefaultValueFactory = _ => TaxonomyStore.DefaultIndustry,
        };
        var taxonomy = new Option<FileInfo?>("--taxonomy") { Description = "A taxonomy JSON file [{key, name, rule}, ...] instead of a starter taxonomy" };
        var score = new Command("score", "Reads one comment per line and writes one JSON line per comment: redacted text, language, sentiment, emotions, topics with aspect sentiment.")
        {
            file, industry, taxonomy,
        };
        score.SetAction(async (parse, ct) =>
        {
            var analyzer = Analyzer(parse.GetValue(industry)!, parse.GetValue(taxonomy));
            if (analyzer is null)
            {
                return 2;
            }

            var input = parse.GetValue(file);
            if (input is { Exists: false })
            {
                await Console.Error.WriteLineAsync($"error: there is no file '{input.FullName}'.");
                return 2;
            }

            // Console.In/Out (not the raw streams) so a host can redirect them; lines are written in batches.
            using var fileReader = input is null ? null : new StreamReader(input.FullName, Encoding.UTF8);
            var reader = fileReader ?? Console.In;
            var batch = new StringBuilder();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                batch.Append(JsonSerializer.Serialize(ScoredCommentDto.From(analyzer.Analyze(line)), Json)).Append('\n');
                if (batch.Length > 64 * 1024)
                {
                    await Console.Out.WriteAsync(batch, ct);
                    batch.Clear();
                }
            }

            await Console.Out.WriteAsync(batch, ct);
            await Console.Out.FlushAsync(ct);
            return 0;
        });
        return score;
    }

    private static TextAnalyzer? Analyzer(string industry, FileInfo? taxonomyFile)
    {
        if (taxonomyFile is null)
        {
            if (!StarterTaxonomies.Industries.Contains(industry, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"error: there is no starter taxonomy '{industry}'; use one of: {string.Join(", ", StarterTaxonomies.Industries)}.");
                return null;
            }

            return TextAnalyzerCache.ForStarter(industry);
        }

        List<TopicDefinition> topics;
        try
        {
            topics = TaxonomyJson.Deserialize(File.ReadAllText(taxonomyFile.FullName));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read the taxonomy '{taxonomyFile.FullName}': {e.Message}");
            return null;
        }

        var compiled = TopicTaxonomy.Compile(topics);
        if (compiled.Taxonomy is null)
        {
            Console.Error.WriteLine($"error: the taxonomy '{taxonomyFile.Name}' does not compile:");
            foreach (var error in compiled.Errors)
            {
                Console.Error.WriteLine(error.Position >= 0
                    ? string.Create(CultureInfo.InvariantCulture, $"  {error.Key}: at character {error.Position + 1}: {error.Message}")
                    : $"  {error.Key}: {error.Message}");
            }

            return null;
        }

        return new TextAnalyzer(compiled.Taxonomy);
    }

    private static Command Reanalyse()
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Workspace slug (default: every workspace)" };
        var reanalyse = new Command("reanalyse", "Re-analyses every stored comment with the current taxonomy and model (after a taxonomy or model change).")
        {
            workspace,
        };
        reanalyse.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            if (await CliWorkspace.OneOrAllAsync(app.Services, parse.GetValue(workspace), ct) is not { } workspaces)
            {
                return 3;
            }

            foreach (var w in workspaces)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(w.Id);
                var reanalysis = scope.ServiceProvider.GetRequiredService<TextReanalysis>();
                var comments = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Analysing {Markup.Escape(w.Slug)}", maxValue: 1);
                        var reporter = new SyncProgress(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"Analysing {Markup.Escape(w.Slug)}: {p.Done:N0}/{p.Total:N0} responses");
                        });
                        var done = await reanalysis.RunAsync(reporter, ct);
                        task.Value = task.MaxValue;
                        return done;
                    });
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{w.Slug}: {comments:N0} comments analysed.");
            }

            return 0;
        });
        return reanalyse;
    }
}
