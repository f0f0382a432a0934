using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Engine.Processing.RoezanToGhl;

namespace RoezanGhl.Engine.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// The sync engine: <see cref="EventProcessor"/> and its collaborators (reader, finisher, outcome reporter and the
    /// engine's meter, re-queue), the Roezan → GHL applier (planner, plan runner, links, step executor), the GHL → Roezan applier
    /// (<c>Sync:TwoWay</c>), and the <c>Sync:Processing</c> settings validated on start. Register an <see cref="IEventOutcomeObserver"/> to watch
    /// outcomes. Needs the storage, accounts, notifications, GHL client and token areas (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanProcessing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncProcessingOptions>().BindConfiguration(SyncProcessingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LocationAdmissionOptions>().BindConfiguration(LocationAdmissionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<EventRequeue>();
        services.TryAddSingleton<EventDeliveryReader>();
        services.TryAddSingleton<EventFinisher>();
        services.TryAddSingleton<EventOutcomeReporter>();
        services.TryAddSingleton<LocationAdmission>();
        services.TryAddSingleton<DoorPacer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventOutcomeObserver, DoorPacer>(provider => provider.GetRequiredService<DoorPacer>()));
        services.TryAddSingleton<DeliveryGate>();
        services.TryAddSingleton<EventProcessor>();

        services.TryAddSingleton<GhlStepExecutor>();
        services.TryAddSingleton<ContactLinker>();
        services.TryAddSingleton<RoezanConflictSettler>();
        services.TryAddSingleton<RoezanEchoGuard>();
        services.TryAddSingleton<ContactUpdateCoalescer>();
        services.TryAddSingleton<PendingChangeRecorder>();
        services.TryAddSingleton<LeasedPlanner>();
        services.TryAddSingleton<PlanRunner>();
        services.TryAddSingleton<RoezanToGhlContext>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventApplier, RoezanToGhlApplier>());

        services.AddOptions<TwoWayOptions>().BindConfiguration(TwoWayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<TwoWayMeter>();
        services.TryAddSingleton<TwoWayRules>();
        services.TryAddSingleton<ConflictWriteBacks>();
        services.TryAddSingleton<GhlToRoezanContext>();
        services.TryAddSingleton<GhlContactApplier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventApplier, GhlToRoezanApplier>());
        return services;
    }
}
