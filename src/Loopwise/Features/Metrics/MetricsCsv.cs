using System.Globalization;
using System.Text;

namespace Loopwise.Features.Metrics;

/// <summary>
/// The trend of <see cref="SurveyMetrics"/> as CSV, one row per question and period, with the same numbers and units
/// as the API (round-trip invariant formatting; an empty cell is a null value).
/// </summary>
public static class MetricsCsv
{
    public const string Header = "question_id,type,scale_id,metric,period,from,to,n,sample_base,value,lower,upper";

    public static string Write(SurveyMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var series in metrics.Trend)
        {
            foreach (var point in series.Points)
            {
                string[] cells =
                [
                    series.QuestionId, series.Type.ToString(), series.ScaleId, series.Metric, point.Period,
                    MetricsFilter.Day(point.From), MetricsFilter.Day(point.To), point.N.ToString(CultureInfo.InvariantCulture),
                    point.SampleBase.ToString(), Number(point.Value), Number(point.Interval?.Lower), Number(point.Interval?.Upper),
                ];
                csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
