using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Kpis;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Dashboards;

/// <summary>Counts per (group, month start, value) from a raw GROUP BY; value 0 where a KPI has no answer values.</summary>
internal sealed class RawCounts : Dictionary<(string Group, DateOnly Period, int Value), long>
{
    public long N(string group, DateOnly period) => this.Where(c => c.Key.Group == group && c.Key.Period == period).Sum(c => c.Value);
}

/// <summary>
/// The same numbers as the dashboards, by plain GROUP BY over the facts (responses: their answers JSON and dimension
/// snapshot; tickets: their derived summary columns), in SQL on either database. The statements are built once; a run
/// executes them.
/// </summary>
internal sealed class RawQueries
{
    private readonly bool _postgres;
    private readonly Dictionary<string, string> _sql = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _parameters = new(StringComparer.Ordinal);

    private RawQueries(bool postgres) => _postgres = postgres;

    /// <summary>The KPI ids (and "explorer") this class answers.</summary>
    public IEnumerable<string> Ids => _sql.Keys;

    public static async Task<RawQueries> PrepareAsync(LoopwiseDbContext db, SurveyDefinitions definitions, SupportSettingsService settings, Guid workspaceId, BenchCalendar calendar, CancellationToken ct)
    {
        var raw = new RawQueries(db.IsPostgres);
        var values = new SqlValue(db.IsPostgres);
        raw._parameters["w"] = values.Of(workspaceId);
        raw._parameters["from"] = values.Of(calendar.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        raw._parameters["until"] = values.Of(calendar.Today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        // Repeat-contact FCR leaves out days whose window is still open (FirstContactResolution.DayIsSettled).
        var rules = await settings.RulesAsync(ct);
        var settled = calendar.Today.AddDays(-rules.FcrWindowDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        raw._parameters["settled"] = values.Of(settled);

        var surveys = await db.Set<Survey>().AsNoTracking().ToListAsync(ct);
        foreach (var kpi in SurveyKpis.All)
        {
            var parts = new List<string>();
            foreach (var byQuestion in surveys.SelectMany(s => definitions.Of(s).Questions.Where(q => kpi.Covers(s.Kind, q)).Select(q => (s.Id, q.Id))).GroupBy(p => p.Item2, StringComparer.Ordinal))
            {
                var surveyList = string.Join(", ", byQuestion.Select(p => raw.Parameter(values.Of(p.Item1))));
                parts.Add(raw.AnswerSql(byQuestion.Key, surveyList, null));
            }

            raw._sql[kpi.Id] = parts.Count == 0 ? string.Empty : string.Join(" UNION ALL ", parts);
        }

        var relationship = surveys.SelectMany(s => definitions.Of(s).Questions.Where(q => SurveyKpis.Nps.Covers(s.Kind, q)).Select(q => (s.Id, q.Id))).GroupBy(p => p.Item2, StringComparer.Ordinal);
        raw._sql["explorer"] = string.Join(" UNION ALL ", relationship.Select(g => raw.AnswerSql(g.Key, string.Join(", ", g.Select(p => raw.Parameter(values.Of(p.Item1)))), "region")));

        var month = raw.Month("created_at");
        var tickets = "FROM tickets WHERE workspace_id = @w AND created_at >= @from AND created_at < @until";
        raw._sql[KpiId.Fcr.Value] = $"SELECT {month}, 0, sum(CASE WHEN is_first_contact THEN 1 ELSE 0 END), sum(CASE WHEN is_first_contact AND repeat_contact_at IS NOT NULL THEN 1 ELSE 0 END) {tickets} AND created_at < @settled GROUP BY 1";
        raw._sql[KpiId.FirstResponseTime.Value] = $"SELECT {month}, 0, count(frt_seconds), sum(frt_business_seconds) {tickets} GROUP BY 1";
        raw._sql[KpiId.SlaAttainment.Value] = $"SELECT {month}, 0, count(clock_started_at), sum(CASE WHEN sla_met THEN 1 ELSE 0 END) {tickets} GROUP BY 1";
        foreach (var (id, percent) in new[] { (KpiId.FirstResponseTimeMedian, 50), (KpiId.FirstResponseTimeP90, 90) })
        {
            // Nearest-rank percentile with window functions (SQLite has no percentile aggregate): n, then the value.
            raw._sql[id.Value] =
                $"SELECT m, 0, n, v FROM (SELECT {month} AS m, frt_business_seconds AS v, row_number() OVER (PARTITION BY {month} ORDER BY frt_business_seconds) AS r, " +
                $"count(*) OVER (PARTITION BY {month}) AS n {tickets} AND frt_business_seconds IS NOT NULL) x " +
                $"WHERE r = (n * {percent.ToString(CultureInfo.InvariantCulture)} + 99) / 100";
        }

        var funnel = $"SELECT {raw.Month("completed_at")}, 0, count(*), count(completed_at) FROM responses WHERE workspace_id = @w AND completed_at >= @from AND completed_at < @until GROUP BY 1";
        raw._sql[KpiId.CompletionRate.Value] = funnel;
        raw._sql[KpiId.AbandonmentRate.Value] = funnel;
        return raw;
    }

    /// <summary>Runs the statement of <paramref name="id"/> and returns its counts (N per group and month, by value for survey KPIs).</summary>
    /// <summary>Whether <paramref name="id"/> has a raw statement (KPIs added after this tool have none yet).</summary>
    public bool Has(string id) => _sql.TryGetValue(id, out var sql) && sql.Length > 0;

    public async Task<RawCounts> RunAsync(LoopwiseDbContext db, string id, CancellationToken ct)
    {
        var counts = new RawCounts();
        // KPIs added after this tool (business, health) have no raw statement yet: they count as nothing on the raw side.
        if (!_sql.TryGetValue(id, out var sql) || sql.Length == 0)
        {
            return counts;
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        foreach (var (name, value) in _parameters)
        {
            if (command.CommandText.Contains("@" + name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        var survey = SurveyKpis.Find(id) is not null || id == "explorer";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var text = reader.GetString(0);
            var period = new DateOnly(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[5..7], CultureInfo.InvariantCulture), 1);
            var group = reader.FieldCount > 4 ? reader.GetString(4) : string.Empty;
            var value = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            var n = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
            var key = (group, period, survey ? value : 0);
            counts[key] = counts.GetValueOrDefault(key) + n;
        }

        return counts;
    }

    /// <summary>Answer counts of one question id over some surveys by month (and by a dimension's value).</summary>
    private string AnswerSql(string questionId, string surveyList, string? dimension)
    {
        if (!questionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new InvalidOperationException($"Question id '{questionId}' cannot be put in a JSON path here.");
        }

        var answer = _postgres
            ? $"(answers_json::jsonb #>> '{{answers,{questionId},number}}')::int"
            : $"CAST(json_extract(answers_json, '$.answers.\"{questionId}\".number') AS INTEGER)";
        var group = dimension is null ? string.Empty
            : _postgres ? $", dimensions_json::jsonb ->> '{dimension}'" : $", json_extract(dimensions_json, '$.{dimension}')";
        // Columns: month, value, count, (unused), group.
        return $"SELECT m, v, count(*), 0{(dimension is null ? string.Empty : ", g")} FROM (SELECT {Month("completed_at")} AS m, {answer} AS v" +
            $"{(dimension is null ? string.Empty : group + " AS g")} FROM responses WHERE workspace_id = @w AND survey_id IN ({surveyList}) " +
            $"AND completed_at >= @from AND completed_at < @until) x WHERE v IS NOT NULL{(dimension is null ? string.Empty : " AND g IS NOT NULL")} " +
            $"GROUP BY m, v{(dimension is null ? string.Empty : ", g")}";
    }

    private string Month(string column) => _postgres ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')" : $"substr({column}, 1, 7)";

    private string Parameter(object value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters[name] = value;
        return "@" + name;
    }
}
