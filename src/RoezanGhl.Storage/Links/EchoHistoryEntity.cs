using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Links;

/// <summary>One GHL contact's echo history (<see cref="Core.TwoWay.EchoHistory"/> as JSON): fingerprints only, no values.</summary>
internal sealed class EchoHistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Entries { get; set; }
}
