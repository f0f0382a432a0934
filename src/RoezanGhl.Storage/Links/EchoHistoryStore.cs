using System.Text.Json;
using Azure.Data.Tables;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Storage.Links;

/// <summary>
/// Per linked GHL contact, the fingerprints of the states this app wrote to either system (<see cref="EchoHistory"/>),
/// one row beside the contact's state in the location's partition. Read and written only by a run that holds the
/// contact's lease, so a plain read-modify-write is safe; the row holds hashes, never values.
/// </summary>
public sealed class EchoHistoryStore
{
    private readonly LinksTable _table;

    public EchoHistoryStore(LinksTable table)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
    }

    public async Task<EchoHistory> ReadAsync(string locationId, string ghlContactId, CancellationToken cancellationToken)
    {
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<EchoHistoryEntity>(LinkRowKeys.Partition(locationId), LinkRowKeys.EchoHistory(ghlContactId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value?.Entries is not { Length: > 0 } json)
        {
            return EchoHistory.Empty;
        }

        return new EchoHistory { Entries = JsonSerializer.Deserialize(json, EchoHistoryJsonContext.Default.ListEchoEntry) ?? [] };
    }

    /// <summary>Remembers that <paramref name="fingerprint"/> is being written to <paramref name="target"/>; call it before the write.</summary>
    public Task RecordWriteAsync(string locationId, string ghlContactId, SyncSystem target, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordWriteAsync(locationId, ghlContactId, target, fingerprint, now, new EchoWrite(null, null), cancellationToken);

    /// <summary>As above, with what the write replaces and when its change was made (<see cref="EchoEntry.Before"/>, <see cref="EchoEntry.ChangedAt"/>).</summary>
    public async Task RecordWriteAsync(string locationId, string ghlContactId, SyncSystem target, string fingerprint, DateTimeOffset now, EchoWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var history = (await ReadAsync(locationId, ghlContactId, cancellationToken).ConfigureAwait(false)).With(target, fingerprint, now, write.Before, write.ChangedAt, write.After);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new EchoHistoryEntity
            {
                PartitionKey = LinkRowKeys.Partition(locationId),
                RowKey = LinkRowKeys.EchoHistory(ghlContactId),
                Entries = JsonSerializer.Serialize([.. history.Entries], EchoHistoryJsonContext.Default.ListEchoEntry),
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }
}
