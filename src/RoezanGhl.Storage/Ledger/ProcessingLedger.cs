using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The processor's side of the event ledger (<see cref="EventLedger"/>'s table): reads an entry with its
/// processing columns, and writes status, attempts, last error and the resume state with a merge
/// conditioned on the ETag it read. Two runs of one event can therefore never both record progress: the
/// loser gets a 412 (<see cref="IsConcurrencyConflict"/>) and backs off. Columns only the webhook writes
/// (AcceptedAt, ContactId, OccurredAt) are left alone.
/// </summary>
public class ProcessingLedger
{
    /// <summary>The prefix of <see cref="EventLedgerEntry.ClaimedBy"/> while a processor run holds an entry.</summary>
    public const string ClaimPrefix = "processor:";

    private readonly TableClient _table = null!;
    private readonly RunOnce _tableCreation = null!;

    public ProcessingLedger(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EventsTable);
        _tableCreation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    /// <summary>For mocking.</summary>
    protected ProcessingLedger()
    {
    }

    /// <summary>True for the storage answers that mean "someone else wrote this entry first".</summary>
    public static bool IsConcurrencyConflict(RequestFailedException exception) =>
        exception?.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict;

    /// <summary>The entry, or a not-yet-existing one in status Queued when the ledger has none.</summary>
    public virtual async Task<LedgerProcessingEntry> ReadAsync(string accountId, string eventId, CancellationToken cancellationToken)
    {
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(EventLedgerKeys.PartitionKey(accountId), EventLedgerKeys.RowKey(eventId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return new LedgerProcessingEntry { AccountId = accountId, EventId = eventId, Status = EventLedgerStatus.Queued };
        }

        return new LedgerProcessingEntry
        {
            AccountId = accountId,
            EventId = eventId,
            EventType = Text(entity, LedgerColumns.Type),
            Status = Enum.TryParse<EventLedgerStatus>(Text(entity, LedgerColumns.Status), out var status) ? status : EventLedgerStatus.Queued,
            Attempts = entity.GetInt32(LedgerColumns.Attempts) ?? 0,
            LastError = Text(entity, LedgerColumns.LastError),
            GhlTraceId = Text(entity, LedgerColumns.GhlTraceId),
            Outcome = Text(entity, LedgerColumns.Outcome),
            GhlContactId = Text(entity, LedgerColumns.GhlContactId),
            Plan = Text(entity, LedgerColumns.Plan) is { } plan ? JsonSerializer.Deserialize(plan, SyncStateJsonContext.Default.SyncPlan) : null,
            Progress = Text(entity, LedgerColumns.Progress) is { } progress ? JsonSerializer.Deserialize(progress, SyncStateJsonContext.Default.ProcessingProgress) ?? ProcessingProgress.None : ProcessingProgress.None,
            Leases = Text(entity, LedgerColumns.Leases) is { } leases ? JsonSerializer.Deserialize(leases, SyncStateJsonContext.Default.ListString) ?? [] : [],
            ClaimedBy = Text(entity, LedgerColumns.ClaimedBy),
            ClaimedAt = entity.GetDateTimeOffset(LedgerColumns.ClaimedAt),
            CleanStop = entity.GetBoolean(LedgerColumns.CleanStop) ?? true,
            LastAttemptAt = entity.GetDateTimeOffset(LedgerColumns.LastAttemptAt),
            ETag = entity.ETag,
            Exists = true,
        };
    }

    /// <summary>
    /// Writes <paramref name="entry"/>'s processing columns: a merge with its ETag, or an insert when the
    /// entry did not exist. Returns the entry with the new ETag. A 412/409 means another writer got there first.
    /// </summary>
    public virtual async Task<LedgerProcessingEntry> SaveAsync(LedgerProcessingEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _tableCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(EventLedgerKeys.PartitionKey(entry.AccountId), EventLedgerKeys.RowKey(entry.EventId))
        {
            // Empty strings, not nulls: a merge skips null columns, and these must be cleared.
            [LedgerColumns.Status] = entry.Status.ToString(),
            [LedgerColumns.Attempts] = entry.Attempts,
            [LedgerColumns.LastError] = Truncate(entry.LastError) ?? "",
            [LedgerColumns.GhlTraceId] = entry.GhlTraceId ?? "",
            [LedgerColumns.Outcome] = Truncate(entry.Outcome) ?? "",
            [LedgerColumns.GhlContactId] = entry.GhlContactId ?? "",
            [LedgerColumns.Plan] = entry.Plan is null ? "" : JsonSerializer.Serialize(entry.Plan, SyncStateJsonContext.Default.SyncPlan),
            [LedgerColumns.Progress] = entry.Progress.Steps.Count == 0 ? "" : JsonSerializer.Serialize(entry.Progress, SyncStateJsonContext.Default.ProcessingProgress),
            [LedgerColumns.Leases] = entry.Leases.Count == 0 ? "" : JsonSerializer.Serialize(entry.Leases.ToList(), SyncStateJsonContext.Default.ListString),
            [LedgerColumns.ClaimedBy] = entry.ClaimedBy ?? "",
            [LedgerColumns.CleanStop] = entry.CleanStop,
            [LedgerColumns.UpdatedAt] = now,
        };
        // A null DateTimeOffset cannot be cleared by a merge; a claim is released by ClaimedBy = "".
        if (entry.ClaimedAt is { } claimedAt) entity[LedgerColumns.ClaimedAt] = claimedAt;
        if (entry.LastAttemptAt is { } lastAttempt) entity[LedgerColumns.LastAttemptAt] = lastAttempt;
        if (entry.EventType is { } eventType) entity[LedgerColumns.Type] = eventType;
        if (!entry.Exists) entity[LedgerColumns.AcceptedAt] = now;

        Response response = entry.Exists
            ? await _table.UpdateEntityAsync(entity, entry.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false)
            // Insert-if-absent: if the webhook's row appears meanwhile this fails with 409 and the caller re-reads.
            : await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return entry with { ETag = response.Headers.ETag ?? default, Exists = true };
    }

    private static string? Text(TableEntity entity, string column) =>
        entity.GetString(column) is { Length: > 0 } value ? value : null;

    // A table string holds at most 32K characters; a reason never needs that many.
    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..1997] + "..." : text;
}
