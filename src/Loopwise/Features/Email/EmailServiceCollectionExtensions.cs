using Loopwise.Features.Jobs;

namespace Loopwise.Features.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>Outbound e-mail: SMTP settings, the outbox, the <c>email.send</c> handler, the delivery log.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Port is >= 0 and <= 65535 && Core.Email.EmailAddress.IsValid(o.FromAddress),
                "Loopwise:Smtp: Timeout must be positive, Port from 0 to 65535, FromAddress a valid address.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => o.MaxPerHour >= 1 && o.Window > TimeSpan.Zero && o.MaxAttempts >= 1,
                "Loopwise:Email: MaxPerHour and MaxAttempts must be at least 1, Window positive.")
            .ValidateOnStart();
        services.AddSingleton<SmtpTransport>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailSendingLimit>();
        services.AddScoped<EmailLog>();
        services.AddJobHandler<EmailSendJob>(EmailSendJob.Kind);
        return services;
    }
}
