using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Targets;

/// <summary>
/// Runs <see cref="KpiMonthCheck"/> for every workspace every <c>Loopwise:Kpis:CheckEvery</c> (a TimeSpan such as
/// <c>00:15:00</c>, or whole minutes such as <c>15</c>; default 15 minutes; 0 disables it). The first run is one interval
/// after start. A failing workspace is logged and does not stop the others.
/// </summary>
public sealed partial class ThresholdCheckService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ThresholdCheckService> logger)
    : BackgroundService
{
    public const string IntervalKey = "Loopwise:Kpis:CheckEvery";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    /// <summary>The configured interval; zero or less means disabled.</summary>
    public static TimeSpan IntervalFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[IntervalKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultInterval;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes))
        {
            return TimeSpan.FromMinutes(minutes);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval)
            ? interval
            : throw new InvalidOperationException($"{IntervalKey} = '{text}' is neither a TimeSpan (00:15:00) nor minutes (15).");
    }

    /// <summary>Checks every workspace once; returns how many events were recorded.</summary>
    public async Task<int> CheckAllAsync(CancellationToken ct)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>().Set<Workspace>().AsNoTracking()
                .OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        }

        var recorded = 0;
        foreach (var id in workspaces)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(id);
                var outcome = await scope.ServiceProvider.GetRequiredService<KpiMonthCheck>().RunAsync(ct);
                recorded += outcome.Recorded.Count;
                foreach (var crossing in outcome.Recorded)
                {
                    LogCrossing(id, crossing.Id.Value, outcome.Period, crossing.Value, crossing.Threshold);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, id);
            }
        }

        return recorded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = IntervalFrom(configuration);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {Workspace}: {Kpi} entered action in {Period} at {Value} (threshold {Threshold})")]
    private partial void LogCrossing(Guid workspace, string kpi, string period, double value, KpiThreshold threshold);

    [LoggerMessage(Level = LogLevel.Error, Message = "The KPI threshold check of workspace {Workspace} failed")]
    private partial void LogFailed(Exception exception, Guid workspace);
}
