using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Storage.Queueing;

/// <summary>
/// A queue client on the app's storage account that reads message text as it is stored, without decoding. The
/// poison queue needs it: a message lands there precisely when it could not be read, for instance because a
/// producer wrote it without the Base64 the trigger expects, and the app's own client (which decodes Base64)
/// would fail on the whole batch. Same account and credential as <see cref="StorageServiceCollectionExtensions.AddRoezanStorage"/>.
/// </summary>
public static class RawQueueClients
{
    public static QueueClient Create(IServiceProvider services, string queueName)
    {
        var storage = services.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        if (storage.UsesConnectionString)
        {
            return new QueueClient(storage.ConnectionString, queueName, options);
        }

        var section = services.GetRequiredService<IConfiguration>().GetSection(StorageConnectionOptions.SectionName);
        var credential = services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section);
        var serviceUri = storage.ResolveQueueServiceUri() ?? throw new InvalidOperationException("The AzureWebJobsStorage setting names no queue endpoint.");
        return new QueueClient(new Uri(serviceUri.ToString().TrimEnd('/') + "/" + queueName), credential, options);
    }
}
