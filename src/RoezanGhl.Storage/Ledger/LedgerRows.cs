using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Turns ledger entries into rows and back with their plan wherever it is kept: in the row's <c>Plan</c> column
/// when its JSON is small, in a blob (<see cref="StateBlobs"/>) named by <c>PlanBlob</c> when not, so that no body the
/// webhook accepted can make a ledger write fail. The plan in either place holds no message, note or task body: those
/// are in the row's bodies blob, named in the plan by reference, size and hash (<see cref="PlanBodies"/>), and put
/// back when the row is read. <see cref="EventLedger"/>'s only way to the columns.
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

    /// <summary>The row for <paramref name="entry"/> (its bodies and large plan uploaded first) and the entry as it will then stand.</summary>
    public async Task<(TableEntity Row, EventLedgerEntry Entry)> WriteAsync(EventLedgerEntry entry, CancellationToken cancellationToken)
    {
        var folder = FolderOf(entry);
        var (stored, bodies) = entry.Plan is { } full ? PlanBodies.Extract(full) : (null, []);
        var bodiesBlob = bodies.Count == 0
            ? null
            : await _blobs.UploadAsync(folder, "bodies", EventLedgerColumns.BodiesJson(bodies), entry.PlanBodiesBlob, cancellationToken).ConfigureAwait(false);
        var plan = await _blobs.StoreAsync(folder, "plan", EventLedgerColumns.PlanJson(stored), entry.PlanBlob, cancellationToken).ConfigureAwait(false);
        var written = entry with { PlanBlob = plan.BlobName, PlanBodiesBlob = bodiesBlob };
        return (EventLedgerColumns.Write(written with { Plan = stored }, plan), written);
    }

    /// <summary>The entry of a row, its plan read from its blob when the row names one, its bodies put back from theirs.</summary>
    public async Task<EventLedgerEntry> ReadAsync(TableEntity row, string? accountId, string? eventId, CancellationToken cancellationToken)
    {
        var entry = EventLedgerColumns.Read(row, accountId, eventId);
        if (entry is { Plan: null, PlanBlob: { } blob })
        {
            entry = entry with { Plan = EventLedgerColumns.ReadPlan(await _blobs.ReadAsync(blob, cancellationToken).ConfigureAwait(false)) };
        }

        return entry is { Plan: { } plan, PlanBodiesBlob: { } bodies }
            ? entry with { Plan = PlanBodies.Resolve(plan, EventLedgerColumns.ReadBodies(await _blobs.ReadAsync(bodies, cancellationToken).ConfigureAwait(false))) }
            : entry;
    }

    /// <summary>After a write: the blobs of the plan and bodies the row held before, if it no longer does (best effort; retention prunes leftovers).</summary>
    public async Task ForgetOldPlanAsync(EventLedgerEntry before, EventLedgerEntry after, CancellationToken cancellationToken)
    {
        await ForgetAsync(before.PlanBlob, after.PlanBlob, cancellationToken).ConfigureAwait(false);
        await ForgetAsync(before.PlanBodiesBlob, after.PlanBodiesBlob, cancellationToken).ConfigureAwait(false);
    }

    private async Task ForgetAsync(string? old, string? now, CancellationToken cancellationToken)
    {
        if (old is not null && !string.Equals(old, now, StringComparison.Ordinal))
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
