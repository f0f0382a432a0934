using Azure;
using Azure.Data.Tables;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Links;

/// <summary>One GHL contact: the values we last wrote to it (JSON) and when that Roezan change happened.</summary>
internal sealed class ContactStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string GhlContactId { get; set; } = "";

    /// <summary><see cref="Core.Planning.ContactFields"/> as JSON.</summary>
    public string? Fields { get; set; }

    /// <summary>The blob holding <see cref="Fields"/> when the JSON is too large for the row (<see cref="StateBlobs"/>).</summary>
    public string? FieldsBlob { get; set; }

    public DateTimeOffset? LastOccurredAt { get; set; }

    /// <summary>
    /// Per-field change times (<see cref="Core.Planning.FieldChange"/> by field, JSON); null on rows recorded before them,
    /// whose fields then count as changed at <see cref="LastOccurredAt"/>.
    /// </summary>
    public string? FieldChanges { get; set; }

    public string? LastEventId { get; set; }

    public string? AccountId { get; set; }

    public string? RoezanContactId { get; set; }
}
