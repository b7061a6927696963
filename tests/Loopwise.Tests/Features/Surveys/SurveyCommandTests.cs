using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Loopwise.Cli;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Surveys;

/// <summary>The <c>survey</c> CLI verb, run in-process against the fixture's database (as `loopwise --db ...` would).</summary>
public abstract class SurveyCommandTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    public static string SampleFile { get; } = Path.Combine(Here(), "TestData", "onboarding.surveyjs.json");

    [Fact]
    public async Task Import_creates_a_draft_and_exits_0_despite_unmapped_items()
    {
        var ws = await App.CreateWorkspaceAsync();

        var exit = await LoopwiseCli.RunAsync(["survey", "import", SampleFile, "--workspace", ws.Slug, "--name", "CLI import", "--db", App.Database]);

        Assert.Equal(0, exit);
        var survey = Assert.Single((await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!);
        var full = await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem>($"/api/v1/surveys/{survey.Id}");
        Assert.Equal(("CLI import", "Draft"), (full!.Name, full.Status));
        Assert.Equal(3, full.Definition.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task Import_of_a_file_with_nothing_importable_exits_non_zero_and_stores_nothing()
    {
        var ws = await App.CreateWorkspaceAsync();
        var file = Path.Combine(Path.GetTempPath(), $"loopwise-empty-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"pages": [{"elements": [{"type": "matrix", "name": "grid"}]}]}""");

        var exit = await LoopwiseCli.RunAsync(["survey", "import", file, "--workspace", ws.Slug, "--db", App.Database]);

        Assert.NotEqual(0, exit);
        Assert.Empty((await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!);
        File.Delete(file);
    }

    [Fact]
    public async Task Export_by_link_token_writes_surveyjs_that_imports_back()
    {
        var ws = await App.CreateWorkspaceAsync();
        await LoopwiseCli.RunAsync(["survey", "import", SampleFile, "--workspace", ws.Slug, "--db", App.Database]);
        var survey = Assert.Single((await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!);
        var file = Path.Combine(Path.GetTempPath(), $"loopwise-export-{Guid.NewGuid():N}.json");

        var exit = await LoopwiseCli.RunAsync(["survey", "export", "--workspace", ws.Slug, "--survey", survey.LinkToken, "--out", file, "--db", App.Database]);
        var result = Loopwise.Core.Surveys.SurveyJsConverter.Import(await File.ReadAllTextAsync(file));

        Assert.Equal(0, exit);
        Assert.Empty(result.Unmapped);
        Assert.Equal(["nps", "why_low", "plan"], result.Definition!.Questions.Select(q => q.Id));
        File.Delete(file);
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

[Collection(Collections.Sqlite)]
public sealed class SurveyCommandTests_Sqlite(SqliteAppFixture fixture) : SurveyCommandTests(fixture);

[Collection(Collections.Postgres)]
public sealed class SurveyCommandTests_Postgres(PostgresAppFixture fixture) : SurveyCommandTests(fixture);
