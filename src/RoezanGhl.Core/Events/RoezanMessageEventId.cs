namespace RoezanGhl.Core.Events;

/// <summary>
/// The event id of a <c>message.received</c>: derived from the message id rather than the webhook's own id,
/// because a message also reaches us through the reconciler's poll of Roezan's integration API, which knows
/// messages but not webhook events. Both paths therefore claim the same ledger row (and write the same
/// <c>ref:</c> line on the note), so a message seen by both is applied once.
/// </summary>
public static class RoezanMessageEventId
{
    public const string Prefix = "msg:";

    public static string For(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return Prefix + messageId;
    }

    public const string StatusPrefix = "status:";

    /// <summary>
    /// The event id of a <c>message.status</c>: the message and the status word (lower-cased), so the same status of the
    /// same text, sent again under another webhook id, is a duplicate at the door.
    /// </summary>
    public static string ForStatus(string messageId, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return $"{StatusPrefix}{messageId}:{status.Trim().ToLowerInvariant()}";
    }
}
