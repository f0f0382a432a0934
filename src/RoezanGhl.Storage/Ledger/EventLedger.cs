using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The event ledger in Table storage: one row per (account, event id), one shape (<see cref="EventLedgerEntry"/>),
/// read and written only here. The doors accept each event exactly once (<see cref="ClaimAsync"/>,
/// <see cref="MarkQueuedAsync"/>, <see cref="ReleaseAsync"/>); the processor reads the row with its ETag and saves its
/// progress (<see cref="ReadAsync"/>, <see cref="SaveAsync"/>); the re-drive reopens it (<see cref="ReopenAsync"/>);
/// the reconciler and the CLI read the history (<see cref="CountAsync"/>, <see cref="QueryAsync"/>). Every write after
/// the first is ETag-conditional, so two writers of one row can never both succeed: the loser gets a 412
/// (<see cref="IsConcurrencyConflict"/>) or a false and reads again. The reconciler's run summaries, kept in the same
/// table under <see cref="ReconcileSummaryStore.Partition"/>, are other rows that no query here returns.
/// </summary>
public sealed class EventLedger
{
    /// <summary>The prefix of <see cref="EventLedgerEntry.ClaimedBy"/> while a processor run holds an entry.</summary>
    public const string ProcessorClaimPrefix = "processor:";

    private const int MaxClaimRounds = 5;
    private const int MaxReopenRounds = 3;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ILogger<EventLedger> _logger;
    private readonly RunOnce _tableCreation;
    private readonly LedgerRows _rows;

    public EventLedger(TableServiceClient tables, StorageNames names, StateBlobs stateBlobs, TimeProvider time, ILogger<EventLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        TableName = names.EventsTable;
        _table = tables.GetTableClient(TableName);
        _rows = new LedgerRows(stateBlobs, TableName);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _tableCreation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public string TableName { get; }

    /// <summary>True for the storage answers that mean "someone else wrote this entry first".</summary>
    public static bool IsConcurrencyConflict(RequestFailedException exception) =>
        exception?.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict;

    /// <summary>
    /// Insert-if-absent of the event's row with Status Received and a claim for <paramref name="claimant"/>.
    /// When the row exists: Queued or later → Duplicate; Received with a claim younger than
    /// <paramref name="claimTimeout"/> → InFlight; Received with an older (or released) claim → the claim is
    /// taken over with an ETag-conditional update, so of several racing deliveries exactly one holds it.
    /// </summary>
    public async Task<EventLedgerClaim> ClaimAsync(LedgerIntake intake, string claimant, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentException.ThrowIfNullOrEmpty(intake.AccountId);
        ArgumentException.ThrowIfNullOrEmpty(intake.EventId);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);

        for (var round = 0; round < MaxClaimRounds; round++)
        {
            var now = _time.GetUtcNow();
            var entry = new EventLedgerEntry
            {
                AccountId = intake.AccountId,
                EventId = intake.EventId,
                Type = intake.Type,
                Direction = intake.Direction,
                Status = EventLedgerStatus.Received,
                SourceContactId = intake.SourceContactId,
                OccurredAt = intake.OccurredAt,
                AcceptedAt = now,
                UpdatedAt = now,
                ClaimedAt = now,
                ClaimedBy = claimant,
            };

            try
            {
                var added = await _table.AddEntityAsync(EventLedgerColumns.Write(entry, new StoredState(null, null)), cancellationToken).ConfigureAwait(false);
                return new EventLedgerClaim(EventLedgerClaimOutcome.Claimed, entry with { ETag = added.Headers.ETag ?? default });
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                // Someone accepted this id before (or is doing so now): decide from the row.
            }

            if (await GetAsync(intake.AccountId, intake.EventId, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                continue;
            }

            if (row.Status != EventLedgerStatus.Received)
            {
                return new EventLedgerClaim(EventLedgerClaimOutcome.Duplicate, row);
            }

            now = _time.GetUtcNow();
            if (row.ClaimedAt is { } claimedAt && now - claimedAt < claimTimeout)
            {
                return new EventLedgerClaim(EventLedgerClaimOutcome.InFlight, row, claimTimeout - (now - claimedAt));
            }

            if (await TryReplaceAsync(row with { ClaimedAt = now, ClaimedBy = claimant, UpdatedAt = now }, cancellationToken).ConfigureAwait(false) is { } taken)
            {
                LedgerLog.ClaimTakenOver(_logger, intake.AccountId, intake.EventId, row.ClaimedBy ?? "(released)");
                return new EventLedgerClaim(EventLedgerClaimOutcome.TakenOver, taken);
            }

            // Another delivery took it over (or it changed) between our read and write: look again.
        }

        throw new InvalidOperationException($"The ledger row of event '{intake.EventId}' kept changing during {MaxClaimRounds} claim attempts.");
    }

    /// <summary>
    /// Ends a door's claim after a successful enqueue: Status Queued, claim cleared. Returns false when the row
    /// changed meanwhile (the processor already picked the message up, or a delivery took over a claim it thought
    /// stale); the row is then left as the other writer made it.
    /// </summary>
    public async Task<bool> MarkQueuedAsync(EventLedgerClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var queued = claim.Entry with { Status = EventLedgerStatus.Queued, ClaimedAt = null, ClaimedBy = null, UpdatedAt = _time.GetUtcNow() };
        return await TryReplaceAsync(queued, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Gives a claim back after a failed enqueue: the row stays Received with no claim, so the sender's retry
    /// takes it over at once instead of being told "duplicate". <paramref name="reason"/> is kept as LastError.
    /// </summary>
    public async Task ReleaseAsync(EventLedgerClaim claim, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var released = claim.Entry with { ClaimedAt = null, ClaimedBy = null, LastError = reason, UpdatedAt = _time.GetUtcNow() };

        // Null means someone else holds it now: nothing of ours to give back.
        await TryReplaceAsync(released, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The event's entry with its ETag, or null when the ledger has none.</summary>
    public async Task<EventLedgerEntry?> GetAsync(string accountId, string eventId, CancellationToken cancellationToken)
    {
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(
            EventLedgerKeys.PartitionKey(accountId), EventLedgerKeys.RowKey(eventId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } row ? await _rows.ReadAsync(row, accountId, eventId, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// The entry the processor works from: as stored, or, when the door's write is missing, a not-yet-existing
    /// one in status Queued (<see cref="EventLedgerEntry.Exists"/> false) that <see cref="SaveAsync"/> inserts.
    /// </summary>
    public async Task<EventLedgerEntry> ReadAsync(string accountId, string eventId, CancellationToken cancellationToken) =>
        await GetAsync(accountId, eventId, cancellationToken).ConfigureAwait(false)
        ?? new EventLedgerEntry { AccountId = accountId, EventId = eventId, Status = EventLedgerStatus.Queued };

    /// <summary>
    /// Writes <paramref name="entry"/> as changed at <paramref name="now"/>: a replace conditioned on its ETag, or an
    /// insert when it did not exist (insert-if-absent: if a door's row appears meanwhile this fails with 409). Returns
    /// the entry as written, with the new ETag. A 412/409 (<see cref="IsConcurrencyConflict"/>) means another writer
    /// got there first.
    /// </summary>
    public async Task<EventLedgerEntry> SaveAsync(EventLedgerEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (row, saved) = await _rows.WriteAsync(entry with { UpdatedAt = now, AcceptedAt = entry.AcceptedAt ?? now }, cancellationToken).ConfigureAwait(false);
        Response response = entry.Exists
            ? await _table.UpdateEntityAsync(row, entry.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        await _rows.ForgetOldPlanAsync(entry, saved, cancellationToken).ConfigureAwait(false);
        return saved with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>
    /// Re-drive: puts the entry back to Queued, recording who did it and when in its outcome and counting it in
    /// <see cref="EventLedgerEntry.ReDrives"/> (attempts, last error, plan and progress stay, so the history is kept and a
    /// half-done plan resumes). An entry applied or skipped
    /// meanwhile, already queued, or missing is left alone. Returns the entry as it now stands.
    /// </summary>
    public async Task<EventLedgerEntry> ReopenAsync(string accountId, string eventId, string actor, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var entry = await ReadAsync(accountId, eventId, cancellationToken).ConfigureAwait(false);
            if (!entry.Exists || entry.Status is EventLedgerStatus.Applied or EventLedgerStatus.Skipped or EventLedgerStatus.Queued)
            {
                return entry;
            }

            try
            {
                var now = _time.GetUtcNow();
                var outcome = $"re-driven from the poison queue by {actor} at {now.ToString("u", CultureInfo.InvariantCulture)}";
                return await SaveAsync(entry with { Status = EventLedgerStatus.Queued, ClaimedBy = null, Outcome = outcome, ReDrives = entry.ReDrives + 1 }, now, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (IsConcurrencyConflict(exception) && round < MaxReopenRounds - 1)
            {
                // Changed between our read and write: read it again.
            }
        }
    }

    /// <summary>The entries matching <paramref name="query"/>, newest change first, at most <see cref="EventLedgerQuery.Take"/>.</summary>
    public async Task<IReadOnlyList<EventLedgerEntry>> QueryAsync(EventLedgerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        var entries = new List<EventLedgerEntry>();
        await foreach (var entry in ScanAsync(query, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return [.. entries.OrderByDescending(entry => entry.UpdatedAt ?? entry.AcceptedAt).ThenBy(entry => entry.EventId, StringComparer.Ordinal).Take(query.Take)];
    }

    /// <summary>How many entries of the account are in <paramref name="status"/>, changed at or after <paramref name="since"/>.</summary>
    public async Task<int> CountAsync(string accountId, EventLedgerStatus status, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in ScanAsync(new EventLedgerQuery { AccountId = accountId, Status = status, Since = since }, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<EventLedgerEntry> ScanAsync(EventLedgerQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filters = new List<string>
        {
            query.AccountId is { } account
                ? Compare("PartitionKey", "eq", EventLedgerKeys.PartitionKey(account))
                : Compare("PartitionKey", "ne", ReconcileSummaryStore.Partition),
        };
        if (query.Status is { } status)
        {
            filters.Add(Compare(EventLedgerColumns.Status, "eq", status.ToString()));
        }

        if (query.Type is { Length: > 0 } type)
        {
            filters.Add(Compare(EventLedgerColumns.Type, "eq", type));
        }

        if (query.Since is { } since)
        {
            filters.Add(EventLedgerColumns.UpdatedAt + " ge " + TableClient.CreateQueryFilter($"{since}"));
        }

        if (query.ContactId is { Length: > 0 } contact)
        {
            filters.Add($"({Compare(EventLedgerColumns.SourceContactId, "eq", contact)} or {Compare(EventLedgerColumns.TargetContactId, "eq", contact)})");
        }

        await foreach (var row in _table.QueryAsync<TableEntity>(string.Join(" and ", filters), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return await _rows.ReadAsync(row, null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the row if it is still as read (ETag): the entry with its new ETag, or null when it changed or disappeared meanwhile.</summary>
    private async Task<EventLedgerEntry?> TryReplaceAsync(EventLedgerEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var (row, written) = await _rows.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
            var updated = await _table.UpdateEntityAsync(row, entry.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return written with { ETag = updated.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            return null;
        }
    }

    // Column names are ours; only values go through the SDK's quoting.
    private static string Compare(string column, string op, string value) => $"{column} {op} " + TableClient.CreateQueryFilter($"{value}");
}
