using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RoezanGhl.Sync.Planning;

namespace RoezanGhl.Sync.Ledger;

/// <summary>
/// Reads and writes the processing columns of ledger entries. Every write is a merge conditioned on the
/// ETag the entry was read with, so two runs of one event can never both record progress: the loser gets
/// a 412 (<see cref="IsConcurrencyConflict"/>) and backs off. Columns the webhook side owns are left alone.
/// </summary>
public class ProcessingLedger
{
    private readonly TableClient _table = null!;
    private readonly Lock _gate = new();
    private Task? _creation;

    public ProcessingLedger(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
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
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(LedgerKeys.Partition(accountId), LedgerKeys.Row(eventId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return new LedgerProcessingEntry { AccountId = accountId, EventId = eventId, Status = LedgerStatuses.Queued };
        }

        return new LedgerProcessingEntry
        {
            AccountId = accountId,
            EventId = eventId,
            EventType = Text(entity, LedgerColumns.EventType),
            Status = Text(entity, LedgerColumns.Status) ?? LedgerStatuses.Queued,
            Attempts = entity.GetInt32(LedgerColumns.Attempts) ?? 0,
            LastError = Text(entity, LedgerColumns.LastError),
            GhlTraceId = Text(entity, LedgerColumns.GhlTraceId),
            Outcome = Text(entity, LedgerColumns.Outcome),
            GhlContactId = Text(entity, LedgerColumns.GhlContactId),
            Plan = Text(entity, LedgerColumns.Plan) is { } plan ? JsonSerializer.Deserialize(plan, ProcessingJsonContext.Default.SyncPlan) : null,
            Progress = Text(entity, LedgerColumns.Progress) is { } progress ? JsonSerializer.Deserialize(progress, ProcessingJsonContext.Default.ProcessingProgress) ?? ProcessingProgress.None : ProcessingProgress.None,
            Leases = Text(entity, LedgerColumns.Leases) is { } leases ? JsonSerializer.Deserialize(leases, ProcessingJsonContext.Default.ListString) ?? [] : [],
            ProcessingBy = Text(entity, LedgerColumns.ProcessingBy),
            ProcessingUntil = entity.GetDateTimeOffset(LedgerColumns.ProcessingUntil),
            CleanStop = entity.GetBoolean(LedgerColumns.CleanStop) ?? true,
            LastAttemptAt = entity.GetDateTimeOffset(LedgerColumns.LastAttemptAt),
            ETag = entity.ETag,
            Exists = true,
        };
    }

    /// <summary>
    /// Writes <paramref name="entry"/>'s processing columns: a merge with its ETag, or an insert when the
    /// entry did not exist. Returns the entry with the new ETag. A 412/409 means another run got there first.
    /// </summary>
    public virtual async Task<LedgerProcessingEntry> SaveAsync(LedgerProcessingEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(LedgerKeys.Partition(entry.AccountId), LedgerKeys.Row(entry.EventId))
        {
            // Empty strings, not nulls: a merge skips null columns, and these must be cleared.
            [LedgerColumns.Status] = entry.Status,
            [LedgerColumns.Attempts] = entry.Attempts,
            [LedgerColumns.LastError] = Truncate(entry.LastError) ?? "",
            [LedgerColumns.GhlTraceId] = entry.GhlTraceId ?? "",
            [LedgerColumns.Outcome] = Truncate(entry.Outcome) ?? "",
            [LedgerColumns.GhlContactId] = entry.GhlContactId ?? "",
            [LedgerColumns.Plan] = entry.Plan is null ? "" : JsonSerializer.Serialize(entry.Plan, ProcessingJsonContext.Default.SyncPlan),
            [LedgerColumns.Progress] = entry.Progress.Steps.Count == 0 ? "" : JsonSerializer.Serialize(entry.Progress, ProcessingJsonContext.Default.ProcessingProgress),
            [LedgerColumns.Leases] = entry.Leases.Count == 0 ? "" : JsonSerializer.Serialize(entry.Leases.ToList(), ProcessingJsonContext.Default.ListString),
            [LedgerColumns.ProcessingBy] = entry.ProcessingBy ?? "",
            [LedgerColumns.CleanStop] = entry.CleanStop,
            [LedgerColumns.UpdatedAt] = now,
        };
        if (entry.ProcessingUntil is { } until)
        {
            entity[LedgerColumns.ProcessingUntil] = until;
        }

        if (entry.LastAttemptAt is { } lastAttempt)
        {
            entity[LedgerColumns.LastAttemptAt] = lastAttempt;
        }

        if (entry.EventType is { } eventType)
        {
            entity[LedgerColumns.EventType] = eventType;
        }

        Response response;
        if (entry.Exists)
        {
            response = await table.UpdateEntityAsync(entity, entry.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Insert-if-absent: if the webhook's row appeared meanwhile this fails with 409 and the caller re-reads.
            response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }

        return entry with { ETag = response.Headers.ETag ?? default, Exists = true };
    }

    private async ValueTask<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = _table.CreateIfNotExistsAsync(CancellationToken.None);
            }

            creation = _creation;
        }

        await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _table;
    }

    private static string? Text(TableEntity entity, string column) =>
        entity.GetString(column) is { Length: > 0 } value ? value : null;

    // A table string property holds at most 32K characters; a reason never needs that many.
    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..1997] + "..." : text;
}
