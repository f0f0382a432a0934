using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoezanGhl.Storage.Health;

/// <summary>
/// "queues" and "tables": one cheap data-plane listing each (at most one queue named like the events queue,
/// at most one table with the app's prefix), which the storage data roles allow. Descriptions are ours
/// (status and error code at most): exception messages can carry URLs and headers, which a health page
/// must not show.
/// </summary>
public sealed class StorageHealthCheck(Func<CancellationToken, Task> probe) : IHealthCheck
{
    public const string QueuesName = "queues";
    public const string TablesName = "tables";

    public static StorageHealthCheck ForQueues(IServiceProvider services)
    {
        var queues = services.GetRequiredService<QueueServiceClient>();
        var prefix = services.GetRequiredService<StorageNames>().EventsQueue;
        return new(async ct =>
        {
            await foreach (var page in queues.GetQueuesAsync(prefix: prefix, cancellationToken: ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                _ = page;
                break;
            }
        });
    }

    public static StorageHealthCheck ForTables(IServiceProvider services)
    {
        var tables = services.GetRequiredService<TableServiceClient>();
        var prefix = services.GetRequiredService<StorageNames>().TablePrefix;
        var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
        return new(async ct =>
        {
            await foreach (var page in tables.QueryAsync(filter, maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                _ = page;
                break;
            }
        });
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await probe(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy(
                ex.Status == 0 ? "unreachable" : $"unreachable (HTTP {ex.Status}{(ex.ErrorCode is null ? string.Empty : " " + ex.ErrorCode)})");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unreachable (timed out)");
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"unreachable ({ex.GetType().Name})");
        }
    }
}
