namespace RoezanGhl.RoezanSimulator.State;

/// <summary>Roezan's message statuses. A send starts <see cref="Pending"/>; received messages are <see cref="Delivered"/>.</summary>
public enum MessageStatus
{
    Pending = 0,
    Sent = 1,
    Delivered = 2,
    Undelivered = 3,
}
