using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Loopwise.Load;

// Loopwise ingestion load tool: starts a real server, creates a survey, and submits responses through HTTP with K
// concurrent clients for a bounded time (or number of requests), then prints throughput and latency.
//   dotnet run -c Release --project bench/Loopwise.Load -- --mode api --db "Host=127.0.0.1;Port=55433;Username=postgres"
//   dotnet run -c Release --project bench/Loopwise.Load -- --mode alerts --batch 1000 --batches 10 [--db ...]
var options = LoadOptions.Parse(args);
if (options.Mode == "alerts")
{
    await AlertsRun.RunAsync(options);
    return 0;
}

ILoadMode mode = options.Mode switch
{
    "api" => new ApiBatchMode(options.BatchSize, options.SpreadMinutes),
    "form" => new FormMode(),
    "page" => new PageMode(),
    _ => throw new ArgumentException($"Unknown mode '{options.Mode}' (api, form, page, alerts)."),
};

await using var server = await BenchServer.StartAsync(options.Db, options.Keep);
var target = await server.CreateTargetAsync(CancellationToken.None);
// Cookies kept (the form's antiforgery cookie), redirects not followed (a completed form answers 302 to /thanks).
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false, UseCookies = true };
using var client = new HttpClient(handler) { BaseAddress = target.Server, Timeout = TimeSpan.FromMinutes(5) };
await mode.PrepareAsync(client, target, CancellationToken.None);

// Warm-up at full load, not measured: the JIT's tiers, connection pools, prepared statements, caches.
await mode.SendAsync(client, CancellationToken.None);
using (var warm = new CancellationTokenSource(options.Warmup))
{
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
    {
        while (!warm.IsCancellationRequested)
        {
            await mode.SendAsync(client, CancellationToken.None);
        }
    }));
}

var (before, _) = await server.InspectAsync(Guid.Empty, CancellationToken.None);
using var stop = new CancellationTokenSource(options.Duration);
var latencies = new List<double>[options.Clients];
long stored = 0;
var requests = 0;
var cpuBefore = Environment.CpuUsage.TotalTime;
var allocatedBefore = GC.GetTotalAllocatedBytes();
var pauseBefore = GC.GetTotalPauseDuration();
var gcBefore = GC.CollectionCount(0);
var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, options.Clients).Select(async k =>
{
    latencies[k] = [];
    while (!stop.IsCancellationRequested && (options.Batches is not { } max || Interlocked.Increment(ref requests) <= max))
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Add(ref stored, await mode.SendAsync(client, CancellationToken.None));
        latencies[k].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}).ToArray();
await Task.WhenAll(workers);
clock.Stop();
var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
var collections = GC.CollectionCount(0) - gcBefore;
var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

var (after, version) = await server.InspectAsync(Guid.Empty, CancellationToken.None);
var all = latencies.SelectMany(l => l).Order().ToArray();
var seconds = clock.Elapsed.TotalSeconds;
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
string F1(double v) => v.ToString("N1", CultureInfo.InvariantCulture);

Console.WriteLine(mode.Name == "form"
    ? $"Loopwise load: mode form (GET the survey page + POST the answers per submission), {options.Clients} clients, measured {F1(seconds)} s after {F1(options.Warmup.TotalSeconds)} s of warm-up"
    : $"Loopwise load: mode {mode.Name}, {options.Clients} clients, batch {options.BatchSize}, completion times spread over {options.SpreadMinutes} min, measured {F1(seconds)} s after {F1(options.Warmup.TotalSeconds)} s of warm-up");
Console.WriteLine($"Machine:   {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"Database:  {server.Database.Provider}: {version.Split(" on ")[0]}");
Console.WriteLine($"Requests:  {all.Length} in {F1(seconds)} s = {F1(all.Length / seconds)} requests/s");
Console.WriteLine($"Responses: {F(stored)} stored = {F(stored / seconds)} responses/s (rows counted in the database: {F(after - before)})");
Console.WriteLine($"CPU:       this process (server + clients) used {F1(cpu)} CPU-s = {F(stored / cpu)} responses per CPU-second; load average {load}");
Console.WriteLine($"Memory:    {F(allocated / 1024.0 / Math.Max(1, stored))} KB allocated per response (server + clients); {collections} collections, {F(pause)} ms paused ({F1(100 * pause / clock.Elapsed.TotalMilliseconds)}% of the run); {F(jitted)} methods compiled by the JIT while measuring");
Console.WriteLine($"Latency:   p50 {F1(Percentile(0.50))} ms, p95 {F1(Percentile(0.95))} ms, max {F1(all.LastOrDefault())} ms");
return after - before == stored ? 0 : 1;
