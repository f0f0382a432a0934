using Azure;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sms;

namespace RoezanGhl.Storage.Sends;

/// <summary>
/// One row of the send ledger as the engine reads and writes it: the planned text (<see cref="Send"/>), its state and
/// reason, and the ETag every change is conditional on (two workers never both move a row to Sending).
/// </summary>
public sealed record SmsSendRecord
{
    public required PlannedSend Send { get; init; }

    /// <summary>The GHL location the contact lives in (consent and conditions are read there at send time).</summary>
    public string? LocationId { get; init; }

    public required SmsSendState State { get; init; }

    public string? Reason { get; init; }

    public required DateTimeOffset PlannedAt { get; init; }

    /// <summary>When the last call to Roezan started: a look-up after a lost answer searches from here.</summary>
    public DateTimeOffset? SendingSince { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? RoezanMessageId { get; init; }

    /// <summary>Calls to Roezan's send made for this row (a look-up that found nothing allows another, up to a limit).</summary>
    public int Attempts { get; init; }

    /// <summary>Whether the text has been counted against the day caps (once, however often it is tried).</summary>
    public bool Counted { get; init; }

    /// <summary>The furthest delivery status Roezan reported for the text (<c>message.status</c>); None until one is.</summary>
    public RoezanDeliveryStatus DeliveryStatus { get; init; }

    /// <summary>When the carrier reported <see cref="DeliveryStatus"/>.</summary>
    public DateTimeOffset? DeliveryStatusAt { get; init; }

    /// <summary>Roezan's code of an undelivered text, as GHL is told it.</summary>
    public string? DeliveryErrorCode { get; init; }

    /// <summary>Roezan's reason of an undelivered text, as GHL is told it.</summary>
    public string? DeliveryError { get; init; }

    /// <summary>The delivery status last reported to GHL for a reply typed there (None: none yet).</summary>
    public RoezanDeliveryStatus DeliveryReported { get; init; }

    public ETag ETag { get; init; }

    public bool IsFinal => State is not (SmsSendState.Planned or SmsSendState.Sending);

    internal static SmsSendRecord From(SmsSendEntity row) => new()
    {
        Send = new PlannedSend
        {
            SendId = row.RowKey,
            AccountId = row.AccountId,
            AutomationName = row.AutomationName ?? "",
            Trigger = Enum.TryParse<AutomationTriggerKind>(row.Trigger, out var trigger) ? trigger : default,
            TriggerIdentity = row.TriggerIdentity ?? "",
            TriggeredAt = row.TriggeredAt ?? row.PlannedAt,
            ContactId = row.ContactId ?? "",
            To = row.Phone,
            Body = row.Body,
            Segments = new SmsSegmentCount(Enum.TryParse<SmsEncoding>(row.Encoding, out var encoding) ? encoding : SmsEncoding.Gsm7, 0, row.Segments),
            SendAt = row.SendAt,
            RequestedAt = row.RequestedAt ?? row.SendAt,
            ShiftedBySendingHours = row.ShiftedBySendingHours,
            AppointmentId = row.AppointmentId,
            AppointmentStart = row.AppointmentStart,
        },
        LocationId = row.LocationId,
        State = Enum.TryParse<SmsSendState>(row.State, out var state) ? state : SmsSendState.Unknown,
        Reason = row.Reason,
        PlannedAt = row.PlannedAt,
        SendingSince = row.SendingSince,
        FinishedAt = row.FinishedAt,
        RoezanMessageId = row.RoezanMessageId,
        Attempts = row.Attempts,
        Counted = row.Counted,
        DeliveryStatus = Enum.TryParse<RoezanDeliveryStatus>(row.DeliveryStatus, out var delivery) ? delivery : RoezanDeliveryStatus.None,
        DeliveryStatusAt = row.DeliveryStatusAt,
        DeliveryErrorCode = row.DeliveryErrorCode,
        DeliveryError = row.DeliveryError,
        DeliveryReported = Enum.TryParse<RoezanDeliveryStatus>(row.DeliveryReported, out var reported) ? reported : RoezanDeliveryStatus.None,
        ETag = row.ETag,
    };

    internal SmsSendEntity ToEntity(string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = Send.SendId,
        ETag = ETag,
        AccountId = Send.AccountId,
        State = State.ToString(),
        Reason = Reason,
        LocationId = LocationId,
        AutomationName = Send.AutomationName,
        Trigger = Send.Trigger.ToString(),
        TriggerIdentity = Send.TriggerIdentity,
        TriggeredAt = Send.TriggeredAt,
        ContactId = Send.ContactId,
        Phone = Send.To,
        Body = Send.Body,
        Encoding = Send.Segments.Encoding.ToString(),
        Segments = Send.Segments.Segments,
        SendAt = Send.SendAt,
        RequestedAt = Send.RequestedAt,
        ShiftedBySendingHours = Send.ShiftedBySendingHours,
        AppointmentId = Send.AppointmentId,
        AppointmentStart = Send.AppointmentStart,
        PlannedAt = PlannedAt,
        SendingSince = SendingSince,
        FinishedAt = FinishedAt,
        RoezanMessageId = RoezanMessageId,
        Attempts = Attempts,
        Counted = Counted,
        DeliveryStatus = DeliveryStatus == RoezanDeliveryStatus.None ? null : DeliveryStatus.ToString(),
        DeliveryStatusAt = DeliveryStatusAt,
        DeliveryErrorCode = DeliveryErrorCode,
        DeliveryError = DeliveryError,
        DeliveryReported = DeliveryReported == RoezanDeliveryStatus.None ? null : DeliveryReported.ToString(),
    };
}
