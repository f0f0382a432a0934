namespace RoezanGhl.Core.Events;

/// <summary>
/// The delivery status of a text we sent through Roezan, as a <c>message.status</c> event reports it. The order is the
/// order a text goes through: a status never moves a text back to an earlier one, and <see cref="Delivered"/> and
/// <see cref="Undelivered"/> are both final (the first one reported stays).
/// </summary>
public enum RoezanDeliveryStatus
{
    /// <summary>Nothing reported yet.</summary>
    None = 0,

    /// <summary>Roezan has the text queued.</summary>
    Pending = 1,

    /// <summary>Handed to the carrier.</summary>
    Sent = 2,

    /// <summary>The carrier reports it delivered (final).</summary>
    Delivered = 3,

    /// <summary>The carrier could not deliver it (final), with Roezan's reason.</summary>
    Undelivered = 4,
}
