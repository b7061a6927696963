using System.CommandLine;
using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;

namespace Loopwise.Cli;

internal static class SurveyCommand
{
    public static Command Create() =>
        new("survey", "Manage surveys: import and export SurveyJS, list.") { Import(), Export(), List() };

    /// <summary><c>survey import FILE --workspace SLUG [--name N] [--kind K]</c>: every unmapped part is printed; exit 0 with a warning.</summary>
    private static Command Import()
    {
        var workspace = CliWorkspace.Create();
        var file = new Argument<FileInfo>("file") { Description = "A SurveyJS survey JSON file" };
        var name = new Option<string?>("--name") { Description = "Survey name (default: the survey's title)" };
        var kind = new Option<string?>("--kind") { Description = "Transactional (default) or Relationship" };
        var command = new Command("import", "Import a SurveyJS survey as a draft; prints everything that did not map.") { file, workspace, name, kind };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: no file '{path.FullName}'.");
                return 2;
            }

            var json = await File.ReadAllTextAsync(path.FullName, ct);
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var result = await scope.ServiceProvider.GetRequiredService<SurveyService>()
                .ImportSurveyJsAsync(json, parse.GetValue(name), parse.GetValue(kind), "cli", ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var (survey, unmapped) = (result.Value!.Survey, result.Value.Unmapped);
            var questions = SurveyService.DefinitionOf(survey).Questions.Count;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported '{survey.Name}' as a draft: id {survey.Id}, link token {survey.LinkToken}, {questions} question(s)."));
            if (unmapped.Count > 0)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warning: {unmapped.Count} part(s) could not be carried over exactly:"));
                foreach (var item in unmapped)
                {
                    await Console.Error.WriteLineAsync($"  - {item}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>survey export --workspace SLUG --survey ID|LINKTOKEN [--format surveyjs|loopwise] [--out FILE]</c>.</summary>
    private static Command Export()
    {
        var workspace = CliWorkspace.Create();
        var survey = new Option<string>("--survey") { Description = "Survey id or link token", Required = true };
        var format = new Option<string>("--format") { Description = "surveyjs (default) or loopwise", DefaultValueFactory = _ => "surveyjs" };
        format.AcceptOnlyFromAmong("surveyjs", "loopwise");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export a survey definition as SurveyJS or Loopwise JSON.") { workspace, survey, format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var found = await scope.ServiceProvider.GetRequiredService<SurveyService>().FindAsync(parse.GetValue(survey)!, ct);
            if (!found.IsSuccess)
            {
                return CliWorkspace.Fail(found.Error!);
            }

            string json;
            if (parse.GetValue(format) == "loopwise")
            {
                json = found.Value!.DefinitionJson;
            }
            else
            {
                var exported = SurveyJsConverter.Export(SurveyService.DefinitionOf(found.Value!));
                json = exported.Json;
                foreach (var item in exported.Unmapped)
                {
                    await Console.Error.WriteLineAsync($"warning: not expressible in SurveyJS: {item}");
                }
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json, ct);
                await Console.Error.WriteLineAsync($"Wrote {file.FullName}.");
            }
            else
            {
                await Console.Out.WriteLineAsync(json);
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var workspace = CliWorkspace.Create();
        var command = new Command("list", "List the surveys of a workspace.") { workspace };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var surveys = await scope.ServiceProvider.GetRequiredService<SurveyService>().ListAsync(ct);
            foreach (var s in surveys)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id}  {s.LinkToken}  {s.Status,-9}  v{s.Version,-3}  {s.Kind,-13}  {s.Name}"));
            }

            if (surveys.Count == 0)
            {
                await Console.Error.WriteLineAsync("No surveys.");
            }

            return 0;
        });
        return command;
    }
}
