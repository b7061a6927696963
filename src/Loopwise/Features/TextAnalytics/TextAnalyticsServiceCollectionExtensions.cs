using Loopwise.Features.Jobs;

namespace Loopwise.Features.TextAnalytics;

internal static class TextAnalyticsServiceCollectionExtensions
{
    /// <summary>Text analytics: the taxonomy, the comment pipeline and its jobs, the queries behind the page and the API.</summary>
    public static IServiceCollection AddTextAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<TextAnalyzerCache>();
        services.AddScoped<TaxonomyStore>();
        services.AddScoped<CommentAnalyses>();
        services.AddScoped<TextReanalysis>();
        services.AddScoped<TextAnalyticsQuery>();
        services.AddScoped<TextDriversQuery>();
        services.AddScoped<TopicSuggestions>();
        services.AddJobHandler<TextAnalysisJob>(TextAnalysisJob.Kind);
        services.AddJobHandler<TextReanalysisJob>(TextReanalysisJob.Kind);
        return services;
    }
}
