namespace RoezanGhl.Core.Events;

/// <summary>The payload: which member is required depends on the event type.</summary>
public sealed class RoezanEventData
{
    public RoezanContact? Contact { get; set; }

    public RoezanMessage? Message { get; set; }

    public RoezanTask? Task { get; set; }

    public RoezanNote? Note { get; set; }
}
