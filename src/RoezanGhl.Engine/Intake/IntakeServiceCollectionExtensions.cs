using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// The webhook door: <see cref="RoezanWebhookIngestor"/> with the <c>Webhook</c> settings validated on start.
    /// Needs the accounts, storage and secret store areas (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanIntake(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RoezanWebhookOptions>().BindConfiguration(RoezanWebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RoezanEventAcceptor>();
        services.TryAddSingleton<RoezanWebhookIngestor>();
        return services;
    }
}
