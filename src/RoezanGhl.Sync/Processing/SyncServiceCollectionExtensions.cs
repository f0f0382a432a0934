using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.Configuration;
using RoezanGhl.Sync.Ledger;
using RoezanGhl.Sync.Mapping;
using RoezanGhl.Sync.Links;
using RoezanGhl.Sync.Notifications;
using RoezanGhl.Sync.Planning;
using RoezanGhl.Sync.Queueing;
using RoezanGhl.Sync.Storage;

namespace RoezanGhl.Sync.Processing;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The links table's name after <c>Sync:TablePrefix</c>.</summary>
    public const string LinksTableSuffix = "Links";

    /// <summary>
    /// The sync engine: <see cref="RoezanEventProcessor"/> with the links store, leases, processing ledger,
    /// step executor, re-queue, the accounts' planning profiles (<see cref="MappingServiceCollectionExtensions.AddRoezanAccountMapping"/>: presets,
    /// field mappings, follow-ups) and the failure notifications (<c>Notifications</c> section), with <c>Sync:Processing</c> validated on
    /// start. Needs <c>AddGhlContactsClient</c> and a token provider registered elsewhere.
    /// </summary>
    public static IServiceCollection AddRoezanSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRoezanStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RoezanOptions>().BindConfiguration(RoezanOptions.SectionName).ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SyncProcessingOptions>().BindConfiguration(SyncProcessingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(sp => new LinksTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<SyncOptions>>().Value.TablePrefix + LinksTableSuffix)));
        services.TryAddSingleton<ContactLinkStore>();
        services.TryAddSingleton<LeaseStore>();
        services.TryAddSingleton<ProcessingLedger>();
        services.TryAddSingleton<RoezanEventQueueClient>();
        services.TryAddSingleton<EventRequeue>();
        services.TryAddSingleton<GhlStepExecutor>();
        services.AddRoezanAccountMapping();
        services.TryAddSingleton<RoezanEventProcessor>();

        services.TryAddSingleton<WebhookFailureNotifier>();
        services.TryAddSingleton<IFailureNotifier>(sp => sp.GetRequiredService<WebhookFailureNotifier>());
        services.AddHttpClient(FailureNotificationSender.HttpClientName);
        services.AddHostedService<FailureNotificationSender>();
        return services;
    }
}
