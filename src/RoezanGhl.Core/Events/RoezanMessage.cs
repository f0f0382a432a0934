namespace RoezanGhl.Core.Events;

/// <summary>
/// An inbound SMS as carried by <c>message.received</c>; or, in <c>message.status</c>, a text we sent through Roezan
/// (<see cref="Id"/> is Roezan's message id) with its delivery <see cref="Status"/>.
/// </summary>
public sealed class RoezanMessage
{
    public string? Id { get; set; }

    /// <summary>The sender's number; E.164 after normalization.</summary>
    public string? From { get; set; }

    public string? FromName { get; set; }

    public string? Body { get; set; }

    /// <summary>When Roezan received the SMS: follow-up dates are relative to it.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The Roezan contact, when Roezan already knows the sender.</summary>
    public string? ContactId { get; set; }

    /// <summary><c>message.status</c>: Roezan's word for the delivery status (<c>Sent</c>, <c>Delivered</c>, <c>Undelivered</c>, …), read by <see cref="RoezanDeliveryStatuses"/>.</summary>
    public string? Status { get; set; }

    /// <summary><c>message.status</c>: when the carrier reported it (optional; the event's <c>occurredAt</c> otherwise).</summary>
    public DateTimeOffset? StatusAt { get; set; }

    /// <summary><c>message.status</c>: the carrier's or Roezan's error code of an undelivered text (optional).</summary>
    public string? ErrorCode { get; set; }

    /// <summary><c>message.status</c>: why the text was not delivered (optional; no personal data expected).</summary>
    public string? ErrorMessage { get; set; }
}
