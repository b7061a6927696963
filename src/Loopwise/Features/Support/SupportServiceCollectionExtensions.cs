using Loopwise.Features.Support.Import;

namespace Loopwise.Features.Support;

internal static class SupportServiceCollectionExtensions
{
    /// <summary>Support tickets: settings, writer, batch ingestion and import.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddScoped<SupportSettingsService>();
        services.AddScoped<TicketWriter>();
        services.AddScoped<IngestTickets>();
        services.AddScoped<TicketImporter>();
        return services;
    }
}
