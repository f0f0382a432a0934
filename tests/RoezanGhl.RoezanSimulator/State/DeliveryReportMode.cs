namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// Whether the simulator reports the delivery of the texts it sends with <c>message.status</c> webhooks (our contract:
/// Roezan publishes none), and how the carrier's report ends.
/// </summary>
public enum DeliveryReportMode
{
    /// <summary>No status webhooks (as before the contract had <c>message.status</c>); the message list still shows the status.</summary>
    Off = 0,

    /// <summary>Sent at once, then Delivered after <see cref="RoezanSimulatorSettings.DeliveryReportDelayMs"/>.</summary>
    Delivered = 1,

    /// <summary>Sent at once, then Undelivered (with the carrier's code and reason) after the delay.</summary>
    Undelivered = 2,
}
