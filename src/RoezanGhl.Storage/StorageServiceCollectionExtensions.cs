using Azure.Core;
using Azure.Core.Extensions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Storage.Configurations;
using RoezanGhl.Storage.Health;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The Azure SDK's log categories (<c>Azure.Core</c>, <c>Azure.Identity</c>, …), kept to warnings and up.</summary>
    public const string AzureSdkLogCategory = "Azure";

    /// <summary>How long a storage health check may take before it counts as unreachable.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The storage area: <see cref="QueueServiceClient"/> (writing <see cref="HostQueueMessageEncoding"/>),
    /// <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/> for the <c>AzureWebJobsStorage</c>
    /// account (see <see cref="StorageConnectionOptions"/>), the <c>Sync</c> settings and the
    /// <see cref="StorageNames"/> they give, the stores (ledger, links, leases, events queue, reconcile cursors and
    /// summaries), all validated on start, plus the <c>queues</c> and <c>tables</c> health checks. Safe to call
    /// more than once.
    /// </summary>
    public static IServiceCollection AddRoezanStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageConnectionOptionsValidator)))
        {
            return services;
        }

        var section = configuration.GetSection(StorageConnectionOptions.SectionName);
        services.AddSingleton<StorageConnectionOptionsValidator>();
        services.AddSingleton<IValidateOptions<StorageConnectionOptions>>(sp => sp.GetRequiredService<StorageConnectionOptionsValidator>());
        services.AddOptions<StorageConnectionOptions>()
            .Configure(options =>
            {
                options.ConnectionString = section.Value;
                options.AccountName = section["accountName"];
                options.QueueServiceUri = ReadUri(section, "queueServiceUri");
                options.TableServiceUri = ReadUri(section, "tableServiceUri");
                options.BlobServiceUri = ReadUri(section, "blobServiceUri");
            })
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            AddClient<QueueServiceClient, QueueClientOptions>(
                    clients, section, (cs, o) => new(cs, o), (uri, credential, o) => new(uri, credential, o), storage => storage.ResolveQueueServiceUri())
                .ConfigureOptions(options => HostQueueMessageEncoding.Apply(options));
            AddClient<TableServiceClient, TableClientOptions>(
                clients, section, (cs, o) => new(cs, o), (uri, credential, o) => new(uri, credential, o), storage => storage.ResolveTableServiceUri());
            AddClient<BlobServiceClient, BlobClientOptions>(
                clients, section, (cs, o) => new(cs, o), (uri, credential, o) => new(uri, credential, o), storage => storage.ResolveBlobServiceUri());
        });

        // The Azure SDK logs every request's URL at Information, and table keys in those URLs hold phones and emails
        // (links, creation leases): only its warnings and errors, which carry no URL, are logged.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter(AzureSdkLogCategory, LogLevel.Warning));

        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => StorageNames.From(sp.GetRequiredService<IOptions<SyncOptions>>().Value, configuration[StorageNames.LeaseContainerSetting]));
        AddStores(services);

        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(StorageHealthCheck.QueuesName, StorageHealthCheck.ForQueues, HealthStatus.Unhealthy, null, HealthCheckTimeout))
            .Add(new HealthCheckRegistration(StorageHealthCheck.TablesName, StorageHealthCheck.ForTables, HealthStatus.Unhealthy, null, HealthCheckTimeout));
        return services;
    }

    private static void AddStores(IServiceCollection services)
    {
        services.TryAddSingleton<StateBlobs>();
        services.TryAddSingleton<EventLedger>();
        services.TryAddSingleton<LedgerRetention>();
        services.TryAddSingleton(sp => new LinksTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<StorageNames>().LinksTable)));
        services.TryAddSingleton<ContactLinkCache>();
        services.TryAddSingleton<ContactLinkStore>();
        services.TryAddSingleton<EchoHistoryStore>();
        services.TryAddSingleton<PendingChangeIndex>();
        services.TryAddSingleton<LeaseStore>();
        services.TryAddSingleton<RoezanEventQueueClient>();
        services.TryAddSingleton<ReconcileCursorStore>();
        services.TryAddSingleton<ReconcileSummaryStore>();
        services.TryAddSingleton<AccountConfigurationVersions>();
        services.TryAddSingleton<SmsSendStore>();
    }

    /// <summary>
    /// One storage client from the validated <see cref="StorageConnectionOptions"/>: by connection string, or by
    /// service URI with the credential the section names (<c>__credential=managedidentity</c>, <c>__clientId</c>
    /// and the other keys Microsoft.Extensions.Azure understands; DefaultAzureCredential when none is given).
    /// </summary>
    private static IAzureClientBuilder<TClient, TOptions> AddClient<TClient, TOptions>(
        AzureClientFactoryBuilder clients,
        IConfigurationSection section,
        Func<string, TOptions, TClient> fromConnectionString,
        Func<Uri, TokenCredential, TOptions, TClient> fromServiceUri,
        Func<StorageConnectionOptions, Uri?> serviceUri)
        where TClient : class
        where TOptions : class =>
        clients.AddClient<TClient, TOptions>((options, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
                return storage.UsesConnectionString
                    ? fromConnectionString(storage.ConnectionString!, options)
                    : fromServiceUri(serviceUri(storage)!, credential, options);
            })
            .WithCredential(provider => provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section));

    private static Uri? ReadUri(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"The setting AzureWebJobsStorage__{key} is not an absolute URI.");
    }
}
