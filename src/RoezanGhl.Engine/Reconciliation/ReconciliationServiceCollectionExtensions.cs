using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// The reconciler (<see cref="Reconciler"/>) and its steps, the per-location lease and the poison-queue replay
    /// the CLI uses, with the <c>Sync</c> reconcile settings validated on start. Needs the storage, accounts,
    /// processing, token, GHL client and Roezan API areas (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanReconciliation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReconcileLocationLease>();
        services.TryAddSingleton(provider => new PoisonReplayer(
            RawQueueClients.Create(provider, provider.GetRequiredService<StorageNames>().PoisonQueue),
            provider.GetRequiredService<RoezanEventQueueClient>(),
            provider.GetRequiredService<EventLedger>(),
            provider.GetRequiredService<ReDriveLimit>(),
            provider.GetRequiredService<ILogger<PoisonReplayer>>()));
        services.TryAddSingleton<ReDriveLimit>();
        services.TryAddSingleton<TokenRefreshSweep>();
        services.TryAddSingleton<MissedMessageFeeder>();
        services.TryAddSingleton<MissedMessagePoller>();
        services.TryAddSingleton<DriftRepairer>();
        services.TryAddSingleton<GhlChangeFeeder>();
        services.TryAddSingleton<GhlChangeCatchUp>();
        services.TryAddSingleton<ContactDriftSweep>();
        services.TryAddSingleton<RetentionPruner>();
        services.TryAddSingleton<FailureReDrive>();
        services.TryAddSingleton<ReconcileSteps>();
        services.TryAddSingleton<Reconciler>();
        return services;
    }
}
