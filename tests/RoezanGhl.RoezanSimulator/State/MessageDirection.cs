namespace RoezanGhl.RoezanSimulator.State;

/// <summary>Whether a message came from the person (inbound) or was sent to them (outbound).</summary>
public enum MessageDirection
{
    Inbound = 0,
    Outbound = 1,
}
