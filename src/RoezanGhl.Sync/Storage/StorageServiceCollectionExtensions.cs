using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Health;
using RoezanGhl.Sync.Queueing;

namespace RoezanGhl.Sync.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>How long a storage health check may take before it counts as unreachable.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers <see cref="QueueServiceClient"/> (writing <see cref="HostQueueMessageEncoding"/>),
    /// <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/> for the <c>AzureWebJobsStorage</c>
    /// account (see <see cref="StorageConnectionOptions"/>), validated on start, plus the <c>queues</c> and
    /// <c>tables</c> health checks. Safe to call more than once.
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
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
                {
                    var storage = Connection(provider);
                    return storage.UsesConnectionString
                        ? new QueueServiceClient(storage.ConnectionString, options)
                        : new QueueServiceClient(storage.ResolveQueueServiceUri()!, credential, options);
                })
                .WithCredential(provider => Credential(provider, section))
                .ConfigureOptions(options => HostQueueMessageEncoding.Apply(options));

            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                {
                    var storage = Connection(provider);
                    return storage.UsesConnectionString
                        ? new TableServiceClient(storage.ConnectionString, options)
                        : new TableServiceClient(storage.ResolveTableServiceUri()!, credential, options);
                })
                .WithCredential(provider => Credential(provider, section));

            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
                {
                    var storage = Connection(provider);
                    return storage.UsesConnectionString
                        ? new BlobServiceClient(storage.ConnectionString, options)
                        : new BlobServiceClient(storage.ResolveBlobServiceUri()!, credential, options);
                })
                .WithCredential(provider => Credential(provider, section));
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks()
            .AddCheck<QueueStorageHealthCheck>(QueueStorageHealthCheck.Name, timeout: HealthCheckTimeout)
            .AddCheck<TableStorageHealthCheck>(TableStorageHealthCheck.Name, timeout: HealthCheckTimeout);
        return services;
    }

    private static StorageConnectionOptions Connection(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;

    /// <summary>
    /// <c>__credential=managedidentity</c> (+ <c>__clientId</c>) and the other keys Microsoft.Extensions.Azure
    /// understands; DefaultAzureCredential when none is given. Unused with a connection string.
    /// </summary>
    private static TokenCredential Credential(IServiceProvider provider, IConfigurationSection section) =>
        provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section);

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
