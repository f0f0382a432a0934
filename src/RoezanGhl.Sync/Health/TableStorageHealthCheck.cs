using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Configuration;

namespace RoezanGhl.Sync.Health;

/// <summary>"tables": lists at most one of the app's tables (<c>Sync:TablePrefix</c>), which needs only data-plane read rights.</summary>
public sealed class TableStorageHealthCheck(TableServiceClient tables, IOptions<SyncOptions> options) : IHealthCheck
{
    public const string Name = "tables";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbe.RunAsync(
            async ct =>
            {
                var prefix = options.Value.TablePrefix;
                var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
                await foreach (var page in tables.QueryAsync(filter, maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
                {
                    _ = page;
                    break;
                }
            },
            cancellationToken);
}
