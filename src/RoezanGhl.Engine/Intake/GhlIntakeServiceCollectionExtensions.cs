using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Engine.Intake;

public static class GhlIntakeServiceCollectionExtensions
{
    /// <summary>
    /// The pure checks of the GHL webhook door: <see cref="GhlWebhookIntake"/> with the <c>GhlWebhook</c> settings
    /// validated on start (<see cref="GhlWebhookOptionsValidator"/> names a bad key by its setting), and the door
    /// <see cref="GhlWebhookIngestor"/>. Needs a <see cref="TimeProvider"/>, the accounts, storage and the Roezan door's
    /// acceptor (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddGhlWebhookIntake(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GhlWebhookOptions>().BindConfiguration(GhlWebhookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlWebhookOptions>, GhlWebhookOptionsValidator>());
        services.TryAddSingleton<GhlWebhookIntake>();
        services.AddMetrics();
        services.TryAddSingleton<GhlUnknownLocations>();
        services.TryAddSingleton<GhlWebhookMeter>();
        services.TryAddSingleton<GhlWebhookServices>();
        services.TryAddSingleton<GhlWebhookIngestor>();
        return services;
    }
}
