namespace Chancery.Email;

public static class EmailSetup
{
    /// <summary>The outbox, its worker, and SMTP when <c>Email:Smtp:Host</c> is set, else the .eml folder.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port must be between 1 and 65535.").ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        if (string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        return services;
    }
}
