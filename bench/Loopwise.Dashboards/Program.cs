using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Loopwise.Dashboards;
using Loopwise.Data;
using Loopwise.Features.Kpis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Loopwise dashboard benchmark: generates a large workspace through the production writers, then times the CX leader
// overview (every KPI, 12 monthly points) and an explorer query (NPS by month by region) from the rollups, beside the
// same numbers by plain GROUP BY over the raw facts.
//   dotnet run -c Release --project bench/Loopwise.Dashboards -- --responses 300000 --tickets 30000
//   dotnet run -c Release --project bench/Loopwise.Dashboards -- --db "Host=127.0.0.1;Port=55433;Username=postgres" --keep
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var ct = CancellationToken.None;
var calendar = new BenchCalendar(TimeProvider.System.GetUtcNow().UtcDateTime);
await using var host = await BenchHost.OpenAsync(options.Db, fresh: !options.Keep, ct);
var (workspaceId, marker) = await Generator.FindAsync(host.Services, ct);
string F0(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
string F1(double v) => v.ToString("N1", CultureInfo.InvariantCulture);

GenerationReport? generated = null;
if (workspaceId is not null && marker is null && options.ResumeTickets)
{
    // Customers and responses are there; the tickets were interrupted: generate them again and finish.
    Console.WriteLine($"Resuming the workspace '{BenchShape.Slug}' in {host.Description}: its tickets are generated again ({options.Tickets:N0}).");
    generated = await new Generator(host.Services, options, calendar).ResumeTicketsAsync(workspaceId.Value, ct);
    (workspaceId, marker) = await Generator.FindAsync(host.Services, ct);
}

if (workspaceId is not null && marker is null)
{
    await Console.Error.WriteLineAsync($"The workspace '{BenchShape.Slug}' in {host.Description} was not generated completely (no '{BenchShape.MarkerAction}' audit entry): " +
        "start again without --keep (default databases) or on an empty database, or pass --keep --resume-tickets if its responses are all stored.");
    return 1;
}

if (workspaceId is not null && !options.Keep)
{
    await Console.Error.WriteLineAsync($"The workspace '{BenchShape.Slug}' exists in {host.Description}: pass --keep to reuse it, or use another database.");
    return 1;
}

if (workspaceId is null)
{
    if (options.MeasureOnly)
    {
        await Console.Error.WriteLineAsync($"There is no generated workspace '{BenchShape.Slug}' in {host.Description} to measure.");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generating into {host.Description}: {options.Responses:N0} responses, {options.Tickets:N0} tickets, {options.Customers:N0} customers, {calendar.From:yyyy-MM-dd} to {calendar.Today:yyyy-MM-dd}, seed {options.Seed}"));
    generated = await new Generator(host.Services, options, calendar).GenerateAsync(ct);
    (workspaceId, marker) = await Generator.FindAsync(host.Services, ct);
}
else if (generated is null)
{
    Console.WriteLine($"Reusing the generated workspace '{BenchShape.Slug}' in {host.Description} ({marker}).");
    calendar = MarkerCalendar(marker!) ?? calendar;
}

var version = await host.VersionAsync(ct);
var rows = await CountsAsync(host.Services, ct);
Console.WriteLine();
Console.WriteLine($"Machine:   {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()} (other work on the machine skews these figures)");
Console.WriteLine($"Database:  {host.Database.Provider}: {version}, {host.Description}");
Console.WriteLine($"Rows:      {string.Join(", ", rows.Select(r => $"{r.Table} {F0(r.Count)}"))}");
if (generated is { } g)
{
    string Rate(double count, TimeSpan time) => time > TimeSpan.Zero ? F0(count / time.TotalSeconds) : "-";
    var total = g.CustomerTime + g.ResponseTime + g.TicketTime;
    var stored = g.Responses > 0
        ? $"customers {F0(g.Customers)} in {F1(g.CustomerTime.TotalSeconds)} s ({Rate(g.Customers, g.CustomerTime)}/s); " +
          $"responses {F0(g.Responses)} in {F1(g.ResponseTime.TotalSeconds)} s ({Rate(g.Responses, g.ResponseTime)}/s, ResponseWriter, batches of {F0(options.ResponseBatch)}); "
        : "(customers and responses stored before, tickets resumed) ";
    Console.WriteLine($"Generated: {stored}tickets {F0(g.Tickets)} with {F0(g.TicketEvents)} events in {F1(g.TicketTime.TotalSeconds)} s " +
        $"({Rate(g.Tickets, g.TicketTime)} tickets/s, IngestTickets, batches of {F0(options.TicketBatch)}); total {F1(total.TotalMinutes)} min");
}

if (options.GenerateOnly)
{
    return 0;
}

var measurement = new Measurement(host.Services, workspaceId!.Value, calendar);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Measuring {calendar.From:yyyy-MM-dd}..{calendar.Today:yyyy-MM-dd} by month: {options.Warmup} warm-up + {options.Runs} runs from the rollups, 1 warm-up + {options.RawRuns} runs by raw GROUP BY..."));
var watch = Stopwatch.StartNew();
var (overview, explorer) = await measurement.RollupsAsync(options.Warmup, options.Runs, ct);
Console.WriteLine($"  rollups measured in {F1(watch.Elapsed.TotalSeconds)} s");
watch.Restart();
if (options.RawRuns > 0)
{
    var raw = await measurement.RawAsync(options.RawRuns, ct);
    Console.WriteLine($"  raw GROUP BY measured in {F1(watch.Elapsed.TotalSeconds)} s");
    measurement.Compare(overview, explorer, raw);
}

Console.WriteLine();
Console.WriteLine($"{"query",-30} {"rollup p50",10} {"p95",8} {"max",8}   {"raw p50",10} {"p95",9} {"max",9}   {"raw/rollup",10}  same counts");
foreach (var name in new[] { "overview", Measurement.Explorer }.Concat(KpiSeriesQuery.Ids))
{
    var r = measurement.Rollup[name];
    var label = name switch
    {
        "overview" => $"overview ({KpiSeriesQuery.Ids.Count} KPIs x 12 mo)",
        Measurement.Explorer => "explorer (NPS month x region)",
        _ => "  " + name,
    };
    var line = $"{label,-30} {F1(r.P50),10} {F1(r.P95),8} {F1(r.Max),8}";
    if (options.RawRuns > 0 && !measurement.Raw.ContainsKey(name))
    {
        line += $"   {"(no raw statement in this tool)",-45}";
    }

    if (measurement.Raw.TryGetValue(name, out var raw) && raw.Runs.Count > 0)
    {
        var check = name == "overview"
            ? (measurement.Checks.Values.All(c => c.Same) ? "yes" : "no")
            : measurement.Checks.TryGetValue(name, out var c) ? (c.Same ? "yes" : "no: " + c.Difference) : string.Empty;
        line += $"   {F1(raw.P50),10} {F1(raw.P95),9} {F1(raw.Max),9}   {(r.P50 > 0 ? F1(raw.P50 / r.P50) + "x" : "-"),10}  {check}";
    }

    Console.WriteLine(line);
}

Console.WriteLine();
Console.WriteLine($"Times in ms; p50/p95/max over {options.Runs} rollup runs (after {options.Warmup} warm-up runs) and {options.RawRuns} raw runs (after one); a fresh DI scope per run (a web request).");
Console.WriteLine($"The overview is the page's query (DashboardQueries.OverviewAsync: the KPIs shared among up to {KpiSeriesBatch.Workers} workers); each KPI line times that KPI alone; raw runs every KPI in sequence.");
Console.WriteLine("Target (issue 3): p95 under 100 ms for the overview and the explorer.");
var sameAll = measurement.Checks.Count == 0 ? "not checked (--raw-runs 0)" : measurement.Checks.Values.All(c => c.Same) ? "yes" : "no";
Console.WriteLine($"Same counts (dashboard n = raw GROUP BY n in every group and month, and NPS values by region): {sameAll}");
return measurement.Checks.Values.All(c => c.Same) ? 0 : 3;

static BenchCalendar? MarkerCalendar(string marker)
{
    // The range the data was generated for; measured as of that day's end if it is past, so the 12 months still match.
    var to = marker.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "to")?[1];
    if (to is null || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
    {
        return null;
    }

    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    return DateOnly.FromDateTime(now) == day ? new BenchCalendar(now) : null;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static async Task<List<(string Table, long Count)>> CountsAsync(IServiceProvider services, CancellationToken ct)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
    await db.Database.OpenConnectionAsync(ct);
    var counts = new List<(string, long)>();
    foreach (var table in new[] { "customers", "responses", "answer_rollups", "answer_dimension_rollups", "response_rollups", "tickets", "ticket_events", "ticket_rollups", "ticket_duration_rollups" })
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        command.CommandTimeout = 3600;
        counts.Add((table, Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture)));
    }

    return counts;
}
