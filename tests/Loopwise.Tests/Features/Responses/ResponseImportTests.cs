using System.Text;
using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;
using Loopwise.Features.Responses.Import;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Responses;

public abstract class ResponseImportTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly SemaphoreSlim CliGate = new(1, 1);

    [Fact]
    public async Task Qualtrics_export_stores_valid_rows_and_reports_rejected_rows_by_file_line()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var report = await ImportFileAsync(ws, survey.LinkToken, ImportFormat.Qualtrics, "qualtrics.csv");
        var stored = (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).ToDictionary(r => r.ExternalId!);

        // Lines 1-3 are headers; the row of R_1aA... spans lines 5-6 (a quoted line break), so later rows start one line on.
        Assert.Equal(6, report.Rows);
        Assert.Equal(3, report.Imported);
        Assert.Equal(new[] { 7, 8, 9 }, report.RejectedLines);
        Assert.Equal("Q1 (answers.nps)", Assert.Single(report.Errors, e => e.Line == 7).Field);
        Assert.Contains("'free shipping'", Assert.Single(report.Errors, e => e.Line == 8).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Finished", Assert.Single(report.Errors, e => e.Line == 9).Field);
        Assert.Equal(new[] { "R_1aAbBcCdDeEfFgG", "R_3kQZ1aB2cD3eF4g", "R_7qQwWeErRtTyYuU" }, stored.Keys.Order(StringComparer.Ordinal));
        var jane = stored["R_3kQZ1aB2cD3eF4g"];
        Assert.Equal(new DateTime(2026, 3, 4, 16, 14, 40, DateTimeKind.Utc), jane.CompletedAt); // 09:14:40 in Denver (MST, UTC-7)
        Assert.Equal(DistributionChannel.Import, jane.Channel);
        Assert.NotNull(jane.CustomerId);
        var answers = SurveyJson.DeserializeAnswers(jane.AnswersJson);
        Assert.Equal(9, answers.Find("nps")!.Number);
        Assert.Equal(new[] { "fast", "friendly" }, answers.Find("features")!.Choices!);
        Assert.Equal(new[] { "pro" }, answers.Find("plan")!.Choices!);
        Assert.Equal("Good overall.\nThe app could be faster.", SurveyJson.DeserializeAnswers(stored["R_1aAbBcCdDeEfFgG"].AnswersJson).Find("reason")!.Text);
        Assert.Equal("fr", stored["R_7qQwWeErRtTyYuU"].Language);
    }

    [Fact]
    public async Task SurveyMonkey_export_reads_option_columns_as_one_multiple_choice_answer()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var report = await ImportFileAsync(ws, survey.Id.ToString(), ImportFormat.SurveyMonkey, "surveymonkey.csv");
        var stored = (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).ToDictionary(r => r.ExternalId!);

        Assert.Equal(5, report.Rows);
        Assert.Equal(3, report.Imported);
        Assert.Equal(new[] { 6, 7 }, report.RejectedLines);
        Assert.Contains("required", Assert.Single(report.Errors, e => e.Line == 6).Message, StringComparison.Ordinal);
        Assert.Contains("'Very happy' is not a number", Assert.Single(report.Errors, e => e.Line == 7).Message, StringComparison.Ordinal);
        Assert.Contains(report.Warnings, w => w.Contains("Other (please specify)", StringComparison.Ordinal));
        var first = SurveyJson.DeserializeAnswers(stored["114000000001"].AnswersJson);
        Assert.Equal(new[] { "fast", "friendly" }, first.Find("features")!.Choices!);
        Assert.Equal(new DateTime(2026, 3, 4, 13, 3, 2, DateTimeKind.Utc), stored["114000000002"].CompletedAt);
        Assert.Equal("Cheap, and they called back\nthe same day", SurveyJson.DeserializeAnswers(stored["114000000002"].AnswersJson).Find("reason")!.Text);
        Assert.Null(SurveyJson.DeserializeAnswers(stored["114000000005"].AnswersJson).Find("features"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_skips_every_stored_row_as_a_duplicate()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        await ImportFileAsync(ws, survey.LinkToken, ImportFormat.Qualtrics, "qualtrics.csv");
        var rollupsBefore = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);

        var again = await ImportFileAsync(ws, survey.LinkToken, ImportFormat.Qualtrics, "qualtrics.csv");

        Assert.Equal(0, again.Imported);
        Assert.Equal(new[] { 4, 5, 10 }, again.Duplicates.Select(d => d.Line));
        Assert.Equal(3, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
        Assert.Equal(rollupsBefore.Totals.Sum(t => t.Completed), (await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id)).Totals.Sum(t => t.Completed));
    }

    [Fact]
    public async Task Plain_csv_maps_columns_by_id_by_text_and_by_explicit_map_and_reports_lines()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        const string csv =
            "response_id,completed_at,touchpoint,NPS,What did you like?,score_reason\r\n" +
            "a-1,2026-02-01T10:00:00Z,web-checkout,10,fast;Low price,\"multi\nline\"\r\n" +
            "a-2,2026-02-01T11:00:00Z,nowhere,9,,\r\n" +
            "\r\n" +
            "a-3,yesterday,,8,,\r\n" +
            "a-1,2026-02-01T10:00:00Z,,7,,\r\n";

        var report = await ImportAsync(ws, new ImportRequest(survey.Id.ToString(), ImportFormat.Csv, Map: new Dictionary<string, string> { ["score_reason"] = "reason" }), csv);
        var stored = Assert.Single(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));

        Assert.Equal(1, report.Imported);
        Assert.Equal(new[] { 4, 6 }, report.RejectedLines);
        Assert.Equal("touchpoint", Assert.Single(report.Errors, e => e.Line == 4).Field);
        Assert.Equal("completed_at", Assert.Single(report.Errors, e => e.Line == 6).Field);
        Assert.Equal(7, Assert.Single(report.Duplicates).Line);
        var answers = SurveyJson.DeserializeAnswers(stored.AnswersJson);
        Assert.Equal(new[] { "fast", "cheap" }, answers.Find("features")!.Choices!);
        Assert.Equal("multi\nline", answers.Find("reason")!.Text);
    }

    [Fact]
    public async Task Exported_csv_imports_into_another_survey_with_the_same_answers()
    {
        var ws = await App.CreateWorkspaceAsync();
        var source = await ResponsesTestSurvey.CreateAsync(App, ws);
        var target = await ResponsesTestSurvey.CreateAsync(App, ws);
        await ImportFileAsync(ws, source.LinkToken, ImportFormat.SurveyMonkey, "surveymonkey.csv");
        var csv = await ws.Api.GetStringAsync($"/api/v1/surveys/{source.Id}/responses.csv");

        var report = await ImportAsync(ws, new ImportRequest(target.LinkToken, ImportFormat.Csv), csv);

        Assert.Equal(3, report.Imported);
        Assert.Empty(report.Errors);
        var before = (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, source.Id)).OrderBy(r => r.CompletedAt).Select(r => (r.CompletedAt, SurveyJson.DeserializeAnswers(r.AnswersJson))).ToList();
        var after = (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, target.Id)).OrderBy(r => r.CompletedAt).Select(r => (r.CompletedAt, SurveyJson.DeserializeAnswers(r.AnswersJson))).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Cli_import_prints_the_report_and_writes_the_rejected_rows_as_csv()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var errors = Path.Combine(Path.GetTempPath(), $"loopwise-errors-{Guid.NewGuid():N}.csv");

        // The console (and Spectre's live progress display) is process-wide: one CLI run at a time across providers.
        await CliGate.WaitAsync();
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        int exit;
        try
        {
            exit = await Loopwise.Cli.LoopwiseCli.RunAsync(
            [
                "import", "responses", "--db", App.Database, "--workspace", ws.Slug, "--survey", survey.LinkToken,
                "--format", "qualtrics", "--errors", errors, ResponsesTestSurvey.TestDataPath("qualtrics.csv"),
            ]);
        }
        finally
        {
            Console.SetError(previous);
            CliGate.Release();
        }

        Assert.True(exit == 1, $"exit {exit}: {stderr}");
        Assert.Equal(3, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
        var lines = await File.ReadAllLinesAsync(errors);
        Assert.Equal("line,response_id,field,message", lines[0]);
        Assert.StartsWith("7,R_2zZyYxXwWvVuUtT,Q1 (answers.nps),", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_page_uploads_a_file_and_shows_the_report_with_line_numbers()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.Client.GetStringAsync("/responses/import"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(survey.Id.ToString()), "Input.Survey" },
            { new StringContent("SurveyMonkey"), "Input.Format" },
            { new StringContent(string.Empty), "Input.Touchpoint" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(ResponsesTestSurvey.TestDataPath("surveymonkey.csv"))), "Input.File", "surveymonkey.csv" },
        };

        var response = await browser.Client.PostAsync("/responses/import", upload);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("After checkout", form.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Imported: 3. Skipped as duplicates: 0. Rejected: 2.", page, StringComparison.Ordinal);
        Assert.Contains("<td>7</td><td>114000000004</td>", page, StringComparison.Ordinal);
        Assert.Equal(3, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
    }

    private async Task<ImportReport> ImportFileAsync(TestWorkspace ws, string survey, ImportFormat format, string file)
    {
        await using var stream = File.OpenRead(ResponsesTestSurvey.TestDataPath(file));
        return await ImportAsync(ws, new ImportRequest(survey, format), stream);
    }

    private Task<ImportReport> ImportAsync(TestWorkspace ws, ImportRequest request, string content) =>
        ImportAsync(ws, request, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    private async Task<ImportReport> ImportAsync(TestWorkspace ws, ImportRequest request, Stream content)
    {
        var result = await App.WithScopeAsync(s => s.GetRequiredService<ResponseImporter>().ImportAsync(request, content, null, CancellationToken.None), ws.Id);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!;
    }
}

[Collection(Collections.Sqlite)]
public sealed class ResponseImportTests_Sqlite(SqliteAppFixture fixture) : ResponseImportTests(fixture);

[Collection(Collections.Postgres)]
public sealed class ResponseImportTests_Postgres(PostgresAppFixture fixture) : ResponseImportTests(fixture);
