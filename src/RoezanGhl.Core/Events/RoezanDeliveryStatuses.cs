namespace RoezanGhl.Core.Events;

/// <summary>
/// Reads Roezan's status words and orders the statuses. Roezan's app shows Sent / Delivered / Pending / Undelivered;
/// the words its webhooks would carry are not published, so the common synonyms are read too (case ignored) and any
/// other word is left unread (the event is acknowledged and not applied) rather than guessed.
/// </summary>
public static class RoezanDeliveryStatuses
{
    public static bool TryRead(string? word, out RoezanDeliveryStatus status)
    {
        status = word?.Trim().ToUpperInvariant() switch
        {
            "PENDING" or "QUEUED" or "ACCEPTED" or "SCHEDULED" => RoezanDeliveryStatus.Pending,
            "SENT" or "SENDING" => RoezanDeliveryStatus.Sent,
            "DELIVERED" => RoezanDeliveryStatus.Delivered,
            "UNDELIVERED" or "FAILED" or "UNDELIVERABLE" or "REJECTED" => RoezanDeliveryStatus.Undelivered,
            _ => RoezanDeliveryStatus.None,
        };
        return status != RoezanDeliveryStatus.None;
    }

    /// <summary>True for Delivered and Undelivered: nothing comes after them.</summary>
    public static bool IsFinal(RoezanDeliveryStatus status) => status is RoezanDeliveryStatus.Delivered or RoezanDeliveryStatus.Undelivered;

    /// <summary>
    /// Whether <paramref name="reported"/> moves a text whose recorded status is <paramref name="recorded"/> forward: a
    /// later step than the recorded one, and never anything once a final status is recorded (a late Sent does not
    /// overwrite Delivered, and Undelivered does not overwrite Delivered either).
    /// </summary>
    public static bool MovesForward(RoezanDeliveryStatus recorded, RoezanDeliveryStatus reported) =>
        reported != RoezanDeliveryStatus.None && !IsFinal(recorded) && reported > recorded;
}
