using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>Location statuses in Table storage (<c>{Sync:TablePrefix}LocationStatus</c>), one row per location.</summary>
public sealed class TableLocationStatusStore : ILocationStatusStore
{
    private const string Partition = "location";

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly RunOnce _created;

    public TableLocationStatusStore(TableClient table, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(time);
        _table = table;
        _time = time;
        _created = new RunOnce(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public async Task<GhlLocationStatus?> GetAsync(string locationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(locationId, '%'), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? ToStatus(entity) : null;
    }

    public Task MarkNeedsAttentionAsync(string locationId, string reason, string secretFingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretFingerprint);
        return WriteAsync(new GhlLocationStatus(locationId, true, reason, secretFingerprint, _time.GetUtcNow()), cancellationToken);
    }

    public Task ClearAsync(string locationId, CancellationToken cancellationToken) =>
        WriteAsync(new GhlLocationStatus(locationId, false, null, null, _time.GetUtcNow()), cancellationToken);

    public async IAsyncEnumerable<GhlLocationStatus> ListNeedingAttentionAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var query = _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.GetBoolean("NeedsAttention") == true, cancellationToken: cancellationToken);
        await foreach (var entity in query.ConfigureAwait(false))
        {
            yield return ToStatus(entity);
        }
    }

    private async Task WriteAsync(GhlLocationStatus status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status.LocationId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, TableKeys.Escape(status.LocationId, '%'))
        {
            ["LocationId"] = status.LocationId,
            ["NeedsAttention"] = status.NeedsAttention,
            ["Reason"] = status.Reason,
            ["SecretFingerprint"] = status.SecretFingerprint,
            ["UpdatedAt"] = status.UpdatedAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);

    private static GhlLocationStatus ToStatus(TableEntity entity) => new(
        entity.GetString("LocationId") ?? TableKeys.Unescape(entity.RowKey, '%'),
        entity.GetBoolean("NeedsAttention") ?? false,
        entity.GetString("Reason"),
        entity.GetString("SecretFingerprint"),
        entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue);
}
