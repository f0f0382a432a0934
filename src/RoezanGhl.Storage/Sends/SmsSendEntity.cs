using Azure;
using Azure.Data.Tables;

namespace RoezanGhl.Storage.Sends;

/// <summary>
/// One planned text in the sends table: partition = the account, row = the deterministic send id. Holds the phone
/// and the text (personal data, as the links table holds phones): never log a row.
/// </summary>
internal sealed class SmsSendEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AccountId { get; set; } = "";

    public string State { get; set; } = nameof(SmsSendState.Planned);

    public string? Reason { get; set; }

    public string? LocationId { get; set; }

    public string? AutomationName { get; set; }

    public string? Trigger { get; set; }

    public string? TriggerIdentity { get; set; }

    public DateTimeOffset? TriggeredAt { get; set; }

    public string? ContactId { get; set; }

    public string Phone { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Encoding { get; set; }

    public int Segments { get; set; }

    public DateTimeOffset SendAt { get; set; }

    public DateTimeOffset? RequestedAt { get; set; }

    public bool ShiftedBySendingHours { get; set; }

    public string? AppointmentId { get; set; }

    public DateTimeOffset? AppointmentStart { get; set; }

    public DateTimeOffset PlannedAt { get; set; }

    public DateTimeOffset? SendingSince { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? RoezanMessageId { get; set; }

    public int Attempts { get; set; }

    public string? DeliveryStatus { get; set; }

    public DateTimeOffset? DeliveryStatusAt { get; set; }

    public string? DeliveryErrorCode { get; set; }

    public string? DeliveryError { get; set; }

    public string? DeliveryReported { get; set; }

    public bool Counted { get; set; }
}
