using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Links;

/// <summary>One queued change to a Roezan contact, kept in the links table until its event is final (see <see cref="PendingChangeIndex"/>).</summary>
internal sealed class PendingChangeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";

    public DateTimeOffset? OccurredAt { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The Roezan event as JSON (the contract's own form).</summary>
    public string Payload { get; set; } = "";
}
