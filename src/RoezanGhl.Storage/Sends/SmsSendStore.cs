using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Sends;

/// <summary>
/// The send ledger and schedule (<c>{Sync:TablePrefix}SmsSends</c>): one row per planned text, keyed by its
/// deterministic send id under its account, and the day counters the caps use. Every change is conditional (insert
/// if absent, replace with the row's ETag), so a re-delivered trigger plans nothing twice and two sweeps never both
/// send one row. Nothing is kept in memory: a restart or another instance reads the same rows. A row that Roezan
/// accepted is findable by Roezan's message id (an index row beside it, written in the same transaction), so a delivery
/// status from Roezan finds its send with two point reads, never a scan.
/// </summary>
public sealed class SmsSendStore
{
    private const char EscapeMark = '!';
    private const string CapPrefix = "~cap|";
    private const string MessageIndexPrefix = "~msg|";
    private const string IndexedSendId = "SendId";
    private readonly TableClient _client;
    private readonly RunOnce _creation;

    public SmsSendStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _client = tables.GetTableClient(names.SmsSendsTable);
        _creation = new(() => _client.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public async Task<SmsSendRecord?> ReadAsync(string accountId, string sendId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<SmsSendEntity>(Partition(accountId), sendId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? SmsSendRecord.From(entity) : null;
    }

    /// <summary>Adds the row unless one with its send id exists; either way answers with the row as stored.</summary>
    public async Task<(bool Added, SmsSendRecord Record)> AddAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = record.ToEntity(Partition(record.Send.AccountId));
        try
        {
            var answer = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return (true, record with { ETag = answer.Headers.ETag ?? default });
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            var stored = await ReadAsync(record.Send.AccountId, record.Send.SendId, cancellationToken).ConfigureAwait(false);
            return (false, stored ?? throw new InvalidOperationException("A send row reported as existing could not be read."));
        }
    }

    /// <summary>Replaces the row if it is unchanged since <paramref name="record"/> was read; null when another run changed it first.</summary>
    public async Task<SmsSendRecord?> TryUpdateAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var partition = Partition(record.Send.AccountId);
        try
        {
            if (record.State != SmsSendState.Sent || record.RoezanMessageId is not { Length: > 0 } messageId)
            {
                var answer = await table.UpdateEntityAsync(record.ToEntity(partition), record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return record with { ETag = answer.Headers.ETag ?? default };
            }

            // Sent with Roezan's id: the index row goes with the row, in one transaction (same partition), so a status
            // report that finds no index row means the send is not recorded yet, never that the index was lost.
            var index = new TableEntity(partition, MessageIndexKey(messageId)) { [IndexedSendId] = record.Send.SendId };
            var answers = await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpdateReplace, record.ToEntity(partition), record.ETag), new TableTransactionAction(TableTransactionActionType.UpsertReplace, index)],
                cancellationToken).ConfigureAwait(false);
            return record with { ETag = answers.Value[0].Headers.ETag ?? default };
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The send Roezan accepted under <paramref name="roezanMessageId"/>; null when no send of the account has that id (yet).</summary>
    public async Task<SmsSendRecord?> FindByRoezanMessageIdAsync(string accountId, string roezanMessageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roezanMessageId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(Partition(accountId), MessageIndexKey(roezanMessageId), [IndexedSendId], cancellationToken).ConfigureAwait(false);
        return index.HasValue && index.Value!.GetString(IndexedSendId) is { Length: > 0 } sendId
            ? await ReadAsync(accountId, sendId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// The account's rows to work on now: planned ones due by <paramref name="now"/>, and ones left in Sending since
    /// before <paramref name="sendingStaleBefore"/> (a run that stopped between Sending and Sent), oldest first, at most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<SmsSendRecord>> ListDueAsync(string accountId, DateTimeOffset now, DateTimeOffset sendingStaleBefore, int max, CancellationToken cancellationToken)
    {
        var partition = Partition(accountId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ((State eq {nameof(SmsSendState.Planned)} and SendAt le {now}) or (State eq {nameof(SmsSendState.Sending)} and SendingSince le {sendingStaleBefore}))");
        var rows = await QueryAsync(filter, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(row => row.Send.SendAt).Take(max).ToList();
    }

    /// <summary>The contact's rows not yet sent (Planned): what an opt-out or an appointment change acts on.</summary>
    public IAsyncEnumerable<SmsSendRecord> ListOpenForContactAsync(string accountId, string contactId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(accountId)} and ContactId eq {contactId} and State eq {nameof(SmsSendState.Planned)}"), cancellationToken);

    /// <summary>The contact's texts Roezan accepted since <paramref name="since"/> (missed-reply checks, the bench).</summary>
    public IAsyncEnumerable<SmsSendRecord> ListSentAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(accountId)} and State eq {nameof(SmsSendState.Sent)} and FinishedAt ge {since}"), cancellationToken);

    /// <summary>
    /// Counts one more text against the counter <paramref name="counter"/> (e.g. a contact's day) unless it already
    /// holds <paramref name="limit"/>; false when the cap is reached. Conditional, so concurrent sends never overshoot.
    /// </summary>
    public async Task<bool> TryCountAsync(string accountId, string counter, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(counter);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var key = CapPrefix + TableKeys.Escape(counter, EscapeMark);
        var partition = Partition(accountId);
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            var count = current.HasValue ? current.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= limit)
            {
                return false;
            }

            try
            {
                var row = new TableEntity(partition, key) { ["Count"] = count + 1 };
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
            {
                // Another send counted first: read the counter again.
            }
        }
    }

    /// <summary>The counter name of a contact's day, or the account's when <paramref name="contactId"/> is null.</summary>
    public static string DayCounter(DateOnly day, string? contactId) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{(contactId is null ? "account" : "contact|" + contactId)}";

    private async IAsyncEnumerable<SmsSendRecord> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync<SmsSendEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return SmsSendRecord.From(row);
        }
    }

    private async ValueTask<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }

    private static string MessageIndexKey(string roezanMessageId) => MessageIndexPrefix + TableKeys.Escape(roezanMessageId, EscapeMark);

    private static string Partition(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return TableKeys.Escape(accountId.Trim().ToLowerInvariant(), EscapeMark);
    }
}
