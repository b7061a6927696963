namespace Loopwise.Features.Targets;

internal static class TargetsServiceCollectionExtensions
{
    /// <summary>KPI targets per workspace, the threshold monitor and its periodic check.</summary>
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.AddScoped<KpiTargetStore>();
        services.AddScoped<ThresholdMonitor>();
        services.AddScoped<KpiMonthCheck>();
        services.AddSingleton<ThresholdCheckService>();
        services.AddHostedService(sp => sp.GetRequiredService<ThresholdCheckService>());
        return services;
    }
}
