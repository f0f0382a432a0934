using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Engine.Intake;

public static class GhlIntakeServiceCollectionExtensions
{
    /// <summary>
    /// The pure checks of the GHL webhook door: <see cref="GhlWebhookIntake"/> with the <c>GhlWebhook</c> settings
    /// validated on start (<see cref="GhlWebhookOptionsValidator"/> names a bad key by its setting). Needs a
    /// <see cref="TimeProvider"/> (<c>AddRoezanGhl</c> registers the system one). The door itself,
    /// <see cref="GhlWebhookIngestor"/>, is registered with the other door by <c>AddRoezanIntake</c>.
    /// </summary>
    public static IServiceCollection AddGhlWebhookIntake(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GhlWebhookOptions>().BindConfiguration(GhlWebhookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlWebhookOptions>, GhlWebhookOptionsValidator>());
        services.TryAddSingleton<GhlWebhookIntake>();
        return services;
    }
}
