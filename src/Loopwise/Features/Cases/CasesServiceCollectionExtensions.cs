using Loopwise.Features.Alerts;
using Loopwise.Features.Jobs;

namespace Loopwise.Features.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Closed-loop cases and the alert rules that open them (ADR 12).</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CaseVisibility>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseAssigner>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseSetup>();
        services.AddScoped<ClosedLoopQuery>();
        services.AddScoped<Initiatives.InitiativeService>();
        services.AddSingleton<AlertRuleCache>();
        services.AddScoped<IAlertAction, AlertEmailAction>();
        services.AddScoped<IAlertAction, AlertWebhookAction>();
        services.AddJobHandler<CaseSlaJob>(CaseSlaJob.Kind);
        services.AddJobHandler<AlertEvaluationJob>(AlertEvaluationJob.Kind);
        services.AddJobHandler<KpiAlertJob>(KpiAlertJob.Kind);
        return services;
    }
}
