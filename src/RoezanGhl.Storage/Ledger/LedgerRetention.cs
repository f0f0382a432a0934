using System.Net;
using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Deletes ledger rows of final events (<see cref="EventLedgerEntry.IsFinal"/>: Applied, Skipped, Failed, Conflict) last
/// changed before a cut-off, with their state blobs (<see cref="StateBlobs.DeleteFolderAsync"/>: a large plan). Rows of
/// events still on their way (Received, Queued, Processing, Waiting) are never selected. Each delete is conditioned on the
/// ETag the query returned, so a row re-opened meanwhile (a person's replay) stays. The row goes first and its blobs after:
/// if the blobs' delete fails, what is left is an orphaned folder, never a row whose plan is missing.
/// </summary>
public sealed class LedgerRetention
{
    private static readonly string[] FinalStatuses =
        [nameof(EventLedgerStatus.Applied), nameof(EventLedgerStatus.Skipped), nameof(EventLedgerStatus.Failed), nameof(EventLedgerStatus.Conflict)];

    private readonly TableClient _table;
    private readonly StateBlobs _blobs;

    public LedgerRetention(TableServiceClient tables, StorageNames names, StateBlobs blobs)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EventsTable);
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
    }

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> final rows of <paramref name="accountId"/> last changed before
    /// <paramref name="cutoff"/>, and their state blobs. <see cref="LedgerPruneResult.More"/> says whether more were left.
    /// </summary>
    public async Task<LedgerPruneResult> PruneAsync(string accountId, DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var statuses = string.Join(" or ", FinalStatuses.Select(status => $"{EventLedgerColumns.Status} eq " + TableClient.CreateQueryFilter($"{status}")));
        var filter = "PartitionKey eq " + TableClient.CreateQueryFilter($"{EventLedgerKeys.PartitionKey(accountId)}")
            + $" and {EventLedgerColumns.UpdatedAt} lt " + TableClient.CreateQueryFilter($"{cutoff}")
            + $" and ({statuses})";
        var rows = 0;
        var blobs = 0;
        try
        {
            // Only the keys are read: the plan and its blob are not needed to delete them.
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(maxRows + 1, 1, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (rows == maxRows)
                {
                    return new LedgerPruneResult(rows, blobs, More: true);
                }

                if (!await TryDeleteRowAsync(row, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                rows++;
                blobs += await _blobs.DeleteFolderAsync(StateBlobs.FolderOf(_table.Name, row.PartitionKey, row.RowKey), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            // No ledger table yet: nothing to prune.
        }

        return new LedgerPruneResult(rows, blobs, More: false);
    }

    private async Task<bool> TryDeleteRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Changed since the query (re-opened by a replay) or deleted by a parallel run: not ours to delete.
            return false;
        }
    }
}
