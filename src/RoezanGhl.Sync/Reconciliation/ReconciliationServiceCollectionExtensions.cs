using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Configuration;
using RoezanGhl.Sync.Ledger;
using RoezanGhl.Sync.Queueing;
using RoezanGhl.Sync.Roezan;
using RoezanGhl.Sync.Storage;

namespace RoezanGhl.Sync.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// The reconciler (<see cref="Reconciler"/>) and its steps, the poison-queue replay and ledger history the CLI
    /// uses, and the Roezan integration API client (<c>Roezan:Api</c>), with the <c>Sync</c> reconcile settings
    /// validated on start. Needs the ingestion, sync and token registrations (<c>AddRoezanIngestion</c>,
    /// <c>AddRoezanSync</c>, <c>AddGhlTokens</c>, <c>AddGhlContactsClient</c>).
    /// </summary>
    public static IServiceCollection AddRoezanReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRoezanStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoezanApiOptions>().BindConfiguration(RoezanApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanApiOptions>, RoezanApiOptionsValidator>());

        services.AddHttpClient<RoezanApiClient>()
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var api = provider.GetRequiredService<IOptions<RoezanApiOptions>>().Value;
                resilience.AttemptTimeout.Timeout = api.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, api.MaxRetries);
                resilience.Retry.Delay = api.RetryBaseDelay;
                resilience.TotalRequestTimeout.Timeout = (api.AttemptTimeout * (api.MaxRetries + 1)) + (api.RetryBaseDelay * 8);
                resilience.CircuitBreaker.SamplingDuration = api.AttemptTimeout * 3;
            });

        services.TryAddSingleton<ReconcileCursorStore>();
        services.TryAddSingleton<ReconcileSummaryStore>();
        services.TryAddSingleton<ReconcileLocationLease>();
        services.TryAddSingleton<LedgerHistory>();
        services.TryAddSingleton(provider => new PoisonReplayer(
            RawQueueClients.Create(provider, provider.GetRequiredService<IOptions<SyncOptions>>().Value.PoisonQueue),
            provider.GetRequiredService<RoezanEventQueueClient>(),
            provider.GetRequiredService<ProcessingLedger>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PoisonReplayer>>()));
        services.TryAddSingleton<TokenRefreshSweep>();
        services.TryAddSingleton<MissedMessagePoller>();
        services.TryAddSingleton<ContactDriftSweep>();
        services.TryAddSingleton<Reconciler>();
        return services;
    }
}
