using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Links;

/// <summary>An identity (Roezan contact id, E.164 phone, email) pointing at a GHL contact.</summary>
internal sealed class LinkIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string GhlContactId { get; set; } = "";

    /// <summary>The event that wrote the link (for operators).</summary>
    public string? EventId { get; set; }
}
