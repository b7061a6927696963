using Loopwise.Features.Responses.Export;
using Loopwise.Features.Responses.Import;
using Loopwise.Web;

namespace Loopwise.Features.Responses;

internal static class ResponsesServiceCollectionExtensions
{
    /// <summary>Ingestion (API, import), export and the reusable idempotency service.</summary>
    public static IServiceCollection AddResponses(this IServiceCollection services)
    {
        services.AddSingleton<SurveyDefinitions>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<IngestResponses>();
        services.AddScoped<ResponseImporter>();
        services.AddScoped<ResponseExporter>();
        services.AddScoped<IdempotencyService>();
        return services;
    }
}
