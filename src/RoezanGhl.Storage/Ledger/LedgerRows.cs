using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Turns ledger entries into rows and back with their plan wherever it is kept: in the row's <c>Plan</c> column
/// when its JSON is small, in a blob (<see cref="StateBlobs"/>) named by <c>PlanBlob</c> when not, so that no body the
/// webhook accepted can make a ledger write fail. <see cref="EventLedger"/>'s only way to the columns.
/// </summary>
internal sealed class LedgerRows
{
    private readonly StateBlobs _blobs;
    private readonly string _table;

    public LedgerRows(StateBlobs blobs, string table)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _table = table;
    }

    /// <summary>The row for <paramref name="entry"/> (its large plan uploaded first) and the entry as it will then stand.</summary>
    public async Task<(TableEntity Row, EventLedgerEntry Entry)> WriteAsync(EventLedgerEntry entry, CancellationToken cancellationToken)
    {
        var folder = FolderOf(entry);
        var plan = await _blobs.StoreAsync(folder, "plan", EventLedgerColumns.PlanJson(entry), entry.PlanBlob, cancellationToken).ConfigureAwait(false);
        return (EventLedgerColumns.Write(entry, plan), entry with { PlanBlob = plan.BlobName });
    }

    /// <summary>The entry of a row, its plan read from its blob when the row names one.</summary>
    public async Task<EventLedgerEntry> ReadAsync(TableEntity row, string? accountId, string? eventId, CancellationToken cancellationToken)
    {
        var entry = EventLedgerColumns.Read(row, accountId, eventId);
        return entry is { Plan: null, PlanBlob: { } blob }
            ? entry with { Plan = EventLedgerColumns.ReadPlan(await _blobs.ReadAsync(blob, cancellationToken).ConfigureAwait(false)) }
            : entry;
    }

    /// <summary>After a write: the blob of the plan the row held before, if it no longer does (best effort; retention prunes leftovers).</summary>
    public async Task ForgetOldPlanAsync(EventLedgerEntry before, EventLedgerEntry after, CancellationToken cancellationToken)
    {
        if (before.PlanBlob is { } old && !string.Equals(old, after.PlanBlob, StringComparison.Ordinal))
        {
            try
            {
                await _blobs.DeleteAsync(old, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Only a leftover: the retention prune removes the row's blobs with the row.
            }
        }
    }

    /// <summary>The blob folder of an entry's state (deleted with the row).</summary>
    public string FolderOf(EventLedgerEntry entry) =>
        StateBlobs.FolderOf(_table, EventLedgerKeys.PartitionKey(entry.AccountId), EventLedgerKeys.RowKey(entry.EventId));
}
