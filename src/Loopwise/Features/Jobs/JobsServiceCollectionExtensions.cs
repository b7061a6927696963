namespace Loopwise.Features.Jobs;

internal static class JobsServiceCollectionExtensions
{
    /// <summary>The jobs table: enqueueing, the admin use cases, the runner and the worker of <c>serve</c>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section)
            .Validate(o => o.IsValid, JobOptions.ValidationMessage).ValidateOnStart();
        services.AddSingleton(JobSignal.Process);
        services.AddScoped<JobQueue>();
        services.AddScoped<JobAdmin>();
        services.AddTransient<JobRunner>();
        services.AddHostedService<JobWorker>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> for jobs of <paramref name="kind"/> (scoped: one instance per job).
    /// One handler per kind; registering a kind again replaces its handler.
    /// </summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        services.AddKeyedScoped<IJobHandler, THandler>(kind);
        return services;
    }
}
