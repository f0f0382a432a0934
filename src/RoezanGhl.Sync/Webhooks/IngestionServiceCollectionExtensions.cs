using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.Configuration;
using RoezanGhl.Sync.Ledger;
using RoezanGhl.Sync.Queueing;
using RoezanGhl.Sync.Storage;

namespace RoezanGhl.Sync.Webhooks;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The webhook door: <see cref="RoezanWebhookIngestor"/> with the event ledger, the events queue writer,
    /// storage clients (<see cref="StorageServiceCollectionExtensions.AddRoezanStorage"/>) and the
    /// <c>Roezan</c>, <c>Sync</c> and <c>Webhook</c> options, all validated on start. Needs an
    /// <see cref="Secrets.ISecretStore"/> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddRoezanIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRoezanStorage(configuration);

        services.AddOptions<RoezanOptions>().BindConfiguration(RoezanOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanOptions>, RoezanOptionsValidator>());
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoezanWebhookOptions>().BindConfiguration(RoezanWebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventLedger>();
        services.TryAddSingleton<RoezanEventQueueClient>();
        services.TryAddSingleton<RoezanWebhookIngestor>();
        return services;
    }
}
