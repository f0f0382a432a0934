using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// One row of the event ledger (table <c>{Sync:TablePrefix}Events</c>): dedupe key, lifecycle, the last
/// error and the history operators read. PartitionKey = account (<see cref="EventLedgerKeys.PartitionKey"/>),
/// RowKey = event id (<see cref="EventLedgerKeys.RowKey"/>). Writers update it with the ETag they read.
/// </summary>
public sealed class EventLedgerEntry : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The Roezan account as configured (the key may be escaped and is lower-cased).</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>Roezan's event id as sent (the key may be escaped).</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The event type, such as <c>contact.updated</c>.</summary>
    public string Type { get; set; } = string.Empty;

    public EventLedgerStatus Status { get; set; }

    /// <summary>How many times the processor tried to apply the event.</summary>
    public int Attempts { get; set; }

    /// <summary>What went wrong last (GHL's message, never a token or secret).</summary>
    public string? LastError { get; set; }

    /// <summary>GHL's <c>traceId</c> of the last failed call, for GHL support.</summary>
    public string? GhlTraceId { get; set; }

    /// <summary>The Roezan contact the event is about (contact id, or the message/task/note's contactId).</summary>
    public string? ContactId { get; set; }

    /// <summary>When the change happened in Roezan: orders updates of one contact.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>When the webhook first accepted the event.</summary>
    public DateTimeOffset AcceptedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the current holder took the row (the webhook while enqueuing, the processor while applying);
    /// null when nobody holds it. A claim older than the holder's timeout may be taken over.
    /// </summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>Who holds the claim (<c>webhook:{guid}</c>, a processor instance); for diagnosis only.</summary>
    public string? ClaimedBy { get; set; }
}
