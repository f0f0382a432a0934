using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.Engine.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// The webhook doors: Roezan's (<see cref="RoezanWebhookIngestor"/>, with the <c>Webhook</c> settings validated on
    /// start) and GHL's (<see cref="GhlWebhookIngestor"/>, which shares the acceptor). Needs the accounts, storage,
    /// secret store, GHL intake and processing (<c>Sync:Admission</c>) areas (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanIntake(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RoezanWebhookOptions>().BindConfiguration(RoezanWebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PendingChangeRecorder>();
        // The door paces events bound for GHL (one pacer per instance, shared with the processor, which teaches it what
        // events cost); its Sync:Admission settings are bound once, by the processing area.
        services.TryAddSingleton<DoorPacer>();
        services.TryAddSingleton<RoezanEventAcceptor>();
        services.TryAddSingleton<RoezanWebhookIngestor>();
        services.AddMetrics();
        services.TryAddSingleton<GhlUnknownLocations>();
        services.TryAddSingleton<GhlWebhookMeter>();
        services.TryAddSingleton<GhlWebhookServices>();
        services.TryAddSingleton<GhlWebhookIngestor>();
        return services;
    }
}
