using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loopwise.Core.Metrics;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Results;
using Loopwise.Web;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Loopwise.Cli;

/// <summary>
/// <c>loopwise metrics</c>: any KPI over a slice (<c>--kpi</c>, as <c>GET /api/v1/kpis/{kpi}</c>), or every metric of
/// one survey (<c>--survey</c> alone); a table, or the API's JSON with <c>--json</c>.
/// </summary>
internal static class MetricsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var kpi = new Option<string?>("--kpi", "-k") { Description = $"A KPI over the workspace: {string.Join(", ", KpiSeriesQuery.Ids)}" };
        var survey = new Option<string?>("--survey", "-s") { Description = "Survey id or link token (without --kpi: every metric of that survey; with it: a filter)" };
        var channel = new Option<string?>("--channel") { Description = "Channel filter (web, app, email, phone, chat, social, in-person, sms)" };
        var stage = new Option<string?>("--stage") { Description = "Journey stage filter" };
        var where = new Option<string?>("--where") { Description = "Dimension filter, dimension:value (e.g. region:North)" };
        var by = new Option<string?>("--by") { Description = "Group by survey, touchpoint, channel, stage or a dimension" };
        var from = new Option<string?>("--from") { Description = "First UTC day, yyyy-MM-dd (default: the first answer)" };
        var to = new Option<string?>("--to") { Description = "Last UTC day, yyyy-MM-dd, inclusive (default: today)" };
        var touchpoint = new Option<string?>("--touchpoint") { Description = "Touchpoint key (default: all touchpoints)" };
        var interval = new Option<string?>("--interval") { Description = $"Trend interval: {string.Join(", ", TrendIntervals.Names)} (default: month)" };
        var json = new Option<bool>("--json") { Description = "Print JSON in the shape of GET /api/v1/surveys/{id}/metrics" };
        var command = new Command("metrics", "A KPI over a slice, or the metrics of one survey, with 95% intervals and n.")
        {
            workspace, kpi, survey, from, to, touchpoint, interval, channel, stage, where, by, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var query = scope.ServiceProvider.GetRequiredService<MetricsQuery>();
            var reference = parse.GetValue(survey);
            if (parse.GetValue(kpi) is { } kpiId)
            {
                Guid? surveyId = null;
                if (reference is not null)
                {
                    surveyId = (await query.FindSurveyAsync(reference, ct))?.Id;
                    if (surveyId is null)
                    {
                        return CliWorkspace.Fail(new Error.NotFound($"There is no survey '{reference}' (id or link token) in this workspace."));
                    }
                }

                var series = await scope.ServiceProvider.GetRequiredService<KpiSeriesQuery>().HandleAsync(kpiId, new KpiSliceRequest(
                    parse.GetValue(from), parse.GetValue(to), parse.GetValue(interval), surveyId?.ToString(), parse.GetValue(touchpoint),
                    parse.GetValue(channel), parse.GetValue(stage), parse.GetValue(where), parse.GetValue(by)), ct);
                if (!series.IsSuccess)
                {
                    return CliWorkspace.Fail(series.Error!);
                }

                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(series.Value, Json));
                }
                else
                {
                    KpiTable.Print(series.Value!);
                }

                return 0;
            }

            if (reference is null)
            {
                return CliWorkspace.Fail(Error.Invalid.Field("kpi", "Give --kpi (a KPI over the workspace) or --survey (every metric of one survey)."));
            }

            var found = await query.FindSurveyAsync(reference, ct);
            if (found is null)
            {
                return CliWorkspace.Fail(new Error.NotFound($"There is no survey '{reference}' (id or link token) in this workspace."));
            }

            var result = await query.HandleAsync(
                new MetricsRequest(found.Id, parse.GetValue(from), parse.GetValue(to), parse.GetValue(touchpoint), parse.GetValue(interval)), ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result.Value, Json));
            }
            else
            {
                Print(result.Value!);
            }

            return 0;
        });
        return command;
    }

    private static void Print(SurveyMetrics metrics)
    {
        var f = metrics.Filters;
        AnsiConsole.Write(new Text(
            $"{metrics.Survey.Name} ({metrics.Survey.Kind}) · {MetricsFilter.Day(f.From)} to {MetricsFilter.Day(f.To)} (UTC, inclusive)" +
            $" · touchpoint {f.Touchpoint ?? "all"} · by {f.Interval}\n"));

        var table = new Table().Title("Metrics (95% intervals)");
        table.AddColumns("Question", "Scale", "Metric", "Value", "95% CI", "n", "Base", "Also");
        foreach (var q in metrics.Questions)
        {
            var shows = q.SampleBase.ShowsScore();
            var also = q.Favourable is { } share && shows
                ? ResultsFormat.Favourable(share) + (q.Type == Loopwise.Core.Surveys.QuestionType.Csat ? $"; mean {MetricFormat.Number(q.Mean)}" : string.Empty)
                : q.Nps is { } nps ? Invariant($"P {nps.Promoters} / A {nps.Passives} / D {nps.Detractors}") : string.Empty;
            table.AddRow(Cells(
                q.QuestionId, q.ScaleId, q.Metric, ResultsFormat.Value(q.Metric, q.Score),
                shows ? ResultsFormat.Interval(q.Metric, q.Interval).Replace("95% CI ", string.Empty, StringComparison.Ordinal) : MetricFormat.Missing,
                q.N.ToString(CultureInfo.InvariantCulture), Base(q.SampleBase, q.Type), also));
        }

        AnsiConsole.Write(table);

        var trend = new Table().Title($"Trend by {f.Interval} (value, n)");
        trend.AddColumn("Period");
        foreach (var series in metrics.Trend)
        {
            trend.AddColumn(new TableColumn($"{series.QuestionId} ({series.Metric})").RightAligned());
        }

        var periods = metrics.Trend.Count == 0 ? 0 : metrics.Trend[0].Points.Count;
        for (var i = 0; i < periods; i++)
        {
            var row = new List<string> { metrics.Trend[0].Points[i].Period };
            row.AddRange(metrics.Trend.Select(s => Invariant($"{ResultsFormat.Value(s.Metric, s.Points[i].Value)} (n={s.Points[i].N})")));
            trend.AddRow(Cells([.. row]));
        }

        AnsiConsole.Write(trend);

        var funnel = metrics.Funnel;
        var completion = $"{MetricFormat.Percent(funnel.CompletionRate.Value, 1)} {MetricFormat.IntervalPercent(Core(funnel.CompletionRate.Interval))}";
        var abandonment = $"{MetricFormat.Percent(funnel.AbandonmentRate.Value, 1)} {MetricFormat.IntervalPercent(Core(funnel.AbandonmentRate.Interval))}";
        AnsiConsole.Write(new Text(Invariant(
            $"Started {funnel.Started} · completed {funnel.Completed} · completion {completion} · abandonment {abandonment}\n")));
    }

    private static string Base(SampleBase sampleBase, Core.Surveys.QuestionType type) => sampleBase switch
    {
        SampleBase.Hidden => "withheld (n<10)",
        SampleBase.Low => ResultsFormat.LowBase(type),
        SampleBase.None => "no answers",
        _ => "ok",
    };

    private static Interval? Core(IntervalDto? interval) => interval is null ? null : new Interval(interval.Lower, interval.Upper);

    private static IRenderable[] Cells(params string[] cells) => [.. cells.Select(c => (IRenderable)new Text(c))];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
