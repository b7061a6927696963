using System.Data.Common;
using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>The nearest-rank median and P90 bucket of one period's first response times, with the number of tickets.</summary>
public readonly record struct PeriodPercentiles(long N, int? Median, int? P90);

/// <summary>
/// First response time median and P90 per month and over a whole monthly series, computed by the database from the
/// bucket rollups (whole months from the month table, cut months from the day table) with window functions, so only one
/// row per month comes back instead of a thousand bucket counts per month. Same rule as
/// <see cref="Core.Support.DurationBuckets.Percentile(IReadOnlyList{ValueTuple{int, long}}, double)"/>: the bucket
/// holding rank max(1, ⌈p·N/100⌉), in integers ((p·N + 99) / 100 for whole p), so both are equal exactly (a test checks
/// them against the raw facts). For ungrouped monthly series on business hours: the overview's cards.
/// </summary>
public static class DurationPercentileQuery
{
    public static async Task<(Dictionary<DateOnly, PeriodPercentiles> Months, PeriodPercentiles Total)> ReadAsync(
        LoopwiseDbContext db, RollupSpan span, string? channel, CancellationToken ct)
    {
        var postgres = db.IsPostgres;
        var values = new SqlValue(postgres);
        var parameters = new List<(string Name, object Value)>();
        void Add(string name, object value) => parameters.Add((name, value));
        var month = postgres ? "CAST(date_trunc('month', day) AS date)" : "(substr(day, 1, 7) || '-01')";
        var channelFilter = channel is null ? string.Empty : " AND channel = @channel";
        var parts = new List<string>();
        if (span.HasMonths)
        {
            parts.Add($"SELECT month AS period, bucket, count AS n FROM ticket_duration_month_rollups WHERE workspace_id = @w AND clock = 'business' AND month >= @mf AND month <= @mt{channelFilter}");
        }

        if (span.HasDays)
        {
            // The cut months at either end (or the whole range when it holds no whole month), as plain day ranges.
            var (headUntil, tailFrom) = span.HasMonths ? (span.MonthsFrom, span.MonthsTo.AddMonths(1)) : (span.To.AddDays(1), span.To.AddDays(1));
            parts.Add($"SELECT {month} AS period, bucket, count AS n FROM ticket_duration_rollups WHERE workspace_id = @w AND clock = 'business' " +
                $"AND ((day >= @from AND day < @headUntil) OR (day >= @tailFrom AND day <= @to)){channelFilter}");
            Add("@from", values.Of(span.From));
            Add("@headUntil", values.Of(headUntil));
            Add("@tailFrom", values.Of(tailFrom));
            Add("@to", values.Of(span.To));
        }

        var rank = (int p) => $"CASE WHEN ({p} * total + 99) / 100 < 1 THEN 1 ELSE ({p} * total + 99) / 100 END";
        var sql =
            $"WITH raw_rows AS ({string.Join(" UNION ALL ", parts)}), " +
            "h AS (SELECT period, bucket, CAST(SUM(n) AS bigint) AS n FROM raw_rows GROUP BY period, bucket), " +
            "all_buckets AS (SELECT bucket, CAST(SUM(n) AS bigint) AS n FROM h GROUP BY bucket), " +
            "c AS (" +
            "SELECT period, bucket, CAST(SUM(n) OVER (PARTITION BY period ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bigint) AS cum, " +
            "CAST(SUM(n) OVER (PARTITION BY period) AS bigint) AS total FROM h " +
            "UNION ALL " +
            "SELECT NULL, bucket, CAST(SUM(n) OVER (ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bigint), " +
            "CAST(SUM(n) OVER () AS bigint) FROM all_buckets) " +
            $"SELECT period, MAX(total), MIN(CASE WHEN cum >= {rank(50)} THEN bucket END), MIN(CASE WHEN cum >= {rank(90)} THEN bucket END) " +
            "FROM c GROUP BY period";

        var months = new Dictionary<DateOnly, PeriodPercentiles>();
        var total = new PeriodPercentiles(0, null, null);
        if (parts.Count == 0)
        {
            return (months, total);
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Add("@w", values.Of(db.Scope.WorkspaceId));
        Add("@mf", values.Of(span.MonthsFrom));
        Add("@mt", values.Of(span.MonthsTo));
        if (channel is not null)
        {
            Add("@channel", channel);
        }

        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var n = reader.IsDBNull(1) ? 0 : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            var result = n <= 0 ? new PeriodPercentiles(0, null, null) : new PeriodPercentiles(n, Bucket(reader, 2), Bucket(reader, 3));
            if (reader.IsDBNull(0))
            {
                total = result;
            }
            else
            {
                months[Period(reader.GetValue(0))] = result;
            }
        }

        return (months, total);
    }

    private static int? Bucket(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>A month as the provider returns it: ISO text on SQLite, a date on PostgreSQL.</summary>
    private static DateOnly Period(object value) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected period value {value} ({value.GetType().Name})."),
    };
}
