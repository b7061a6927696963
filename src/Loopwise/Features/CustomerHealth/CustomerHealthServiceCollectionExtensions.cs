namespace Loopwise.Features.CustomerHealth;

internal static class CustomerHealthServiceCollectionExtensions
{
    /// <summary>Customer health: signals, versioned models, scoring and the monthly KPI cells.</summary>
    public static IServiceCollection AddCustomerHealth(this IServiceCollection services)
    {
        services.AddScoped<HealthSignals>();
        services.AddScoped<HealthModelStore>();
        services.AddScoped<HealthScoring>();
        services.AddScoped<HealthKpiCells>();
        return services;
    }
}
