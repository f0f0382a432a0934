using Azure.Data.Tables;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Reads the event ledger (<see cref="EventLedger"/>'s table, with the processor's columns) for operators and
/// for the reconciler's count of failures left for a person. Read-only; the reconciler's run summaries, kept
/// in the same table under <see cref="ReconcileSummaryStore.Partition"/>, are left out.
/// </summary>
public class LedgerHistory
{
    private readonly TableClient _table = null!;
    private readonly RunOnce _creation = null!;

    public LedgerHistory(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EventsTable);
        _creation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    /// <summary>For mocking.</summary>
    protected LedgerHistory()
    {
    }

    /// <summary>The entries matching <paramref name="query"/>, newest change first, at most <see cref="LedgerHistoryQuery.Take"/>.</summary>
    public virtual async Task<IReadOnlyList<LedgerHistoryEntry>> QueryAsync(LedgerHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        var entries = new List<LedgerHistoryEntry>();
        await foreach (var entry in ScanAsync(query, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return [.. entries.OrderByDescending(entry => entry.UpdatedAt ?? entry.AcceptedAt).ThenBy(entry => entry.EventId, StringComparer.Ordinal).Take(query.Take)];
    }

    /// <summary>How many entries of the account are in <paramref name="status"/>, changed at or after <paramref name="since"/>.</summary>
    public virtual async Task<int> CountAsync(string accountId, EventLedgerStatus status, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in ScanAsync(new LedgerHistoryQuery { AccountId = accountId, Status = status, Since = since }, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<LedgerHistoryEntry> ScanAsync(LedgerHistoryQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filters = new List<string>
        {
            query.AccountId is { } account
                ? Compare("PartitionKey", "eq", EventLedgerKeys.PartitionKey(account))
                : Compare("PartitionKey", "ne", ReconcileSummaryStore.Partition),
        };
        if (query.Status is { } status)
        {
            filters.Add(Compare(LedgerColumns.Status, "eq", status.ToString()));
        }

        if (query.Since is { } since)
        {
            filters.Add(LedgerColumns.UpdatedAt + " ge " + TableClient.CreateQueryFilter($"{since}"));
        }

        if (query.ContactId is { Length: > 0 } contact)
        {
            filters.Add($"({Compare(nameof(EventLedgerEntry.ContactId), "eq", contact)} or {Compare(LedgerColumns.GhlContactId, "eq", contact)})");
        }

        await foreach (var row in _table.QueryAsync<TableEntity>(string.Join(" and ", filters), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new LedgerHistoryEntry
            {
                AccountId = Text(row, nameof(EventLedgerEntry.AccountId)) ?? row.PartitionKey,
                EventId = Text(row, nameof(EventLedgerEntry.EventId)) ?? row.RowKey,
                Type = Text(row, LedgerColumns.Type),
                Status = Enum.TryParse<EventLedgerStatus>(Text(row, LedgerColumns.Status), out var parsed) ? parsed : EventLedgerStatus.Received,
                Attempts = row.GetInt32(LedgerColumns.Attempts) ?? 0,
                LastError = Text(row, LedgerColumns.LastError),
                Outcome = Text(row, LedgerColumns.Outcome),
                ContactId = Text(row, nameof(EventLedgerEntry.ContactId)),
                GhlContactId = Text(row, LedgerColumns.GhlContactId),
                GhlTraceId = Text(row, LedgerColumns.GhlTraceId),
                AcceptedAt = row.GetDateTimeOffset(LedgerColumns.AcceptedAt),
                UpdatedAt = row.GetDateTimeOffset(LedgerColumns.UpdatedAt),
            };
        }
    }

    // Column names are ours; only values go through the SDK's quoting.
    private static string Compare(string column, string op, string value) => $"{column} {op} " + TableClient.CreateQueryFilter($"{value}");

    private static string? Text(TableEntity row, string column) => row.GetString(column) is { Length: > 0 } value ? value : null;
}
