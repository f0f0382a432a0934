using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Configuration;

namespace RoezanGhl.Sync.Health;

/// <summary>"queues": lists at most one queue named like the events queue, which needs only data-plane read rights.</summary>
public sealed class QueueStorageHealthCheck(QueueServiceClient queues, IOptions<SyncOptions> options) : IHealthCheck
{
    public const string Name = "queues";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbe.RunAsync(
            async ct =>
            {
                await foreach (var page in queues.GetQueuesAsync(prefix: options.Value.EventsQueue, cancellationToken: ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
                {
                    _ = page;
                    break;
                }
            },
            cancellationToken);
}
