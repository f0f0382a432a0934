using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Links;

/// <summary>
/// The queued, not yet final changes to one Roezan contact, by contact: rows <c>pe|{account}|{roezan contact}|{event}</c>
/// in the location's partition of the links table. The door writes one when it queues a <c>contact.updated</c>; the
/// processor lists a contact's rows under the contact's lease (one range query in one partition) to coalesce them, and
/// forgets them once their events are final. The index is a hint, never the truth: a row may be missing (its event is
/// then applied alone) or outlive its event (the ledger says so, and the row is dropped when next listed).
/// </summary>
public sealed class PendingChangeIndex
{
    /// <summary>The largest payload kept (a table property holds 64 KiB, i.e. 32K UTF-16 characters); larger events are applied alone.</summary>
    public const int MaxPayloadChars = 30_000;

    private const string Prefix = "pe|";
    private const int BatchLimit = 100;

    private readonly LinksTable _table;

    public PendingChangeIndex(LinksTable table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>Records a queued change; false when its payload is too large to keep (the event is then applied alone).</summary>
    public async Task<bool> AddAsync(string locationId, string accountId, string roezanContactId, PendingChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Payload.Length > MaxPayloadChars)
        {
            return false;
        }

        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new PendingChangeEntity
            {
                PartitionKey = LinkRowKeys.Partition(locationId),
                RowKey = RowKey(accountId, roezanContactId, change.EventId),
                EventId = change.EventId,
                OccurredAt = change.OccurredAt,
                AcceptedAt = change.AcceptedAt,
                Payload = change.Payload,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The contact's recorded changes, at most <paramref name="take"/>, in row-key (event id) order.</summary>
    public async Task<IReadOnlyList<PendingChange>> ListAsync(string locationId, string accountId, string roezanContactId, int take, CancellationToken cancellationToken)
    {
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var from = ContactPrefix(accountId, roezanContactId);
        var to = from[..^1] + "}"; // '}' follows '|': every row key with the prefix sorts below it
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LinkRowKeys.Partition(locationId)} and RowKey ge {from} and RowKey lt {to}");
        var changes = new List<PendingChange>();
        await foreach (var row in table.QueryAsync<PendingChangeEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new PendingChange(row.EventId, row.OccurredAt, row.AcceptedAt, row.Payload));
            if (changes.Count >= take)
            {
                break;
            }
        }

        return changes;
    }

    /// <summary>Drops the rows of <paramref name="eventIds"/> (absent ones are fine): one batch per hundred.</summary>
    public async Task ForgetAsync(string locationId, string accountId, string roezanContactId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0)
        {
            return;
        }

        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(BatchLimit))
        {
            var rowKeys = chunk.Select(id => RowKey(accountId, roezanContactId, id)).ToList();
            try
            {
                await table.SubmitTransactionAsync(rowKeys.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // One row was gone already (a batch is all or nothing): delete the rest one by one.
                foreach (var rowKey in rowKeys)
                {
                    await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static string ContactPrefix(string accountId, string roezanContactId) =>
        $"{Prefix}{LinkRowKeys.Escape(accountId)}|{LinkRowKeys.Escape(roezanContactId)}|";

    private static string RowKey(string accountId, string roezanContactId, string eventId) =>
        ContactPrefix(accountId, roezanContactId) + LinkRowKeys.Escape(eventId);
}
