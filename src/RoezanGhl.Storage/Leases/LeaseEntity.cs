using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Leases;

/// <summary>A lease row: which event holds the key and until when.</summary>
internal sealed class LeaseEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Key { get; set; } = "";

    public string Owner { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}
