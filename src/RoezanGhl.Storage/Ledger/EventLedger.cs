using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The event ledger in Table storage: one row per (account, event id). The webhook uses it to accept each
/// event exactly once (<see cref="ClaimAsync"/>, <see cref="MarkQueuedAsync"/>, <see cref="ReleaseAsync"/>);
/// the processor moves rows through the later statuses. Every write after the first is ETag-conditional.
/// Members are virtual so that tests can inject failures.
/// </summary>
public class EventLedger
{
    private const int MaxClaimRounds = 5;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ILogger<EventLedger> _logger;
    private readonly RunOnce _tableCreation;

    public EventLedger(TableServiceClient tables, StorageNames names, TimeProvider time, ILogger<EventLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        TableName = names.EventsTable;
        _table = tables.GetTableClient(TableName);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _tableCreation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    /// <summary>For mocking.</summary>
    protected EventLedger()
    {
        TableName = string.Empty;
        _table = null!;
        _time = TimeProvider.System;
        _logger = null!;
        _tableCreation = null!;
    }

    public string TableName { get; }

    /// <summary>
    /// Insert-if-absent of the event's row with Status Received and a claim for <paramref name="claimant"/>.
    /// When the row exists: Queued or later → Duplicate; Received with a claim younger than
    /// <paramref name="claimTimeout"/> → InFlight; Received with an older (or released) claim → the claim is
    /// taken over with an ETag-conditional update, so of several racing deliveries exactly one holds it.
    /// </summary>
    public virtual async Task<EventLedgerClaim> ClaimAsync(
        string accountId, RoezanEvent evt, string claimant, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentException.ThrowIfNullOrEmpty(evt.Id);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var partitionKey = EventLedgerKeys.PartitionKey(accountId);
        var rowKey = EventLedgerKeys.RowKey(evt.Id);
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            var now = _time.GetUtcNow();
            var entry = new EventLedgerEntry
            {
                PartitionKey = partitionKey,
                RowKey = rowKey,
                AccountId = accountId,
                EventId = evt.Id,
                Type = evt.Type ?? string.Empty,
                Status = EventLedgerStatus.Received,
                ContactId = ContactIdOf(evt),
                OccurredAt = evt.OccurredAt,
                AcceptedAt = now,
                UpdatedAt = now,
                ClaimedAt = now,
                ClaimedBy = claimant,
            };

            try
            {
                var added = await _table.AddEntityAsync(entry, cancellationToken).ConfigureAwait(false);
                entry.ETag = added.Headers.ETag ?? default;
                return new EventLedgerClaim(EventLedgerClaimOutcome.Claimed, entry);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone accepted this id before (or is doing so now): decide from the row.
            }

            var existing = await _table.GetEntityIfExistsAsync<EventLedgerEntry>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue || existing.Value is not { } row)
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

            var previousHolder = row.ClaimedBy;
            row.ClaimedAt = now;
            row.ClaimedBy = claimant;
            row.UpdatedAt = now;
            if (await TryReplaceAsync(row, cancellationToken).ConfigureAwait(false))
            {
                LedgerLog.ClaimTakenOver(_logger, accountId, evt.Id, previousHolder ?? "(released)");
                return new EventLedgerClaim(EventLedgerClaimOutcome.TakenOver, row);
            }

            // Another delivery took it over (or it changed) between our read and write: look again.
        }

        throw new InvalidOperationException($"The ledger row of event '{evt.Id}' kept changing during {MaxClaimRounds} claim attempts.");
    }

    /// <summary>
    /// Ends the webhook's claim after a successful enqueue: Status Queued, claim cleared. Returns false when
    /// the row changed meanwhile (the processor already picked the message up, or a delivery took over a claim
    /// it thought stale); the row is then left as the other writer made it.
    /// </summary>
    public virtual Task<bool> MarkQueuedAsync(EventLedgerClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var row = claim.Entry;
        row.Status = EventLedgerStatus.Queued;
        row.ClaimedAt = null;
        row.ClaimedBy = null;
        row.UpdatedAt = _time.GetUtcNow();
        return TryReplaceAsync(row, cancellationToken);
    }

    /// <summary>
    /// Gives a claim back after a failed enqueue: the row stays Received with no claim, so Roezan's retry
    /// takes it over at once instead of being told "duplicate". <paramref name="reason"/> is kept as LastError.
    /// </summary>
    public virtual async Task ReleaseAsync(EventLedgerClaim claim, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var row = claim.Entry;
        row.ClaimedAt = null;
        row.ClaimedBy = null;
        row.LastError = reason;
        row.UpdatedAt = _time.GetUtcNow();

        // False means someone else holds it now: nothing of ours to give back.
        await TryReplaceAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task<EventLedgerEntry?> GetAsync(string accountId, string eventId, CancellationToken cancellationToken)
    {
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<EventLedgerEntry>(
            EventLedgerKeys.PartitionKey(accountId), EventLedgerKeys.RowKey(eventId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Replaces the row if it is still as read (ETag); false when it changed or disappeared meanwhile.
    /// Writers extending the lifecycle (Processing, Applied, …) use this too.
    /// </summary>
    protected async Task<bool> TryReplaceAsync(EventLedgerEntry row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var updated = await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            row.ETag = updated.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string? ContactIdOf(RoezanEvent evt) =>
        evt.Data?.Contact?.Id ?? evt.Data?.Message?.ContactId ?? evt.Data?.Task?.ContactId ?? evt.Data?.Note?.ContactId;
}
