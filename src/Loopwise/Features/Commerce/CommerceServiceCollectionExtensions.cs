namespace Loopwise.Features.Commerce;

internal static class CommerceServiceCollectionExtensions
{
    /// <summary>Customer, commercial and journey facts: ingestion (API, CSV import), rollups and their readers.</summary>
    public static IServiceCollection AddCommerce(this IServiceCollection services)
    {
        services.AddScoped<FactSql>();
        services.AddScoped<CustomerIngest>();
        services.AddScoped<OrderIngest>();
        services.AddScoped<SubscriptionIngest>();
        services.AddScoped<ReferralIngest>();
        services.AddScoped<JourneyStepIngest>();
        services.AddScoped<CommerceQuery>();
        services.AddScoped<CommerceDirectory>();
        services.AddScoped<CommerceImporter>();
        return services;
    }
}
