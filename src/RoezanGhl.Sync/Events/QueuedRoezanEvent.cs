namespace RoezanGhl.Sync.Events;

/// <summary>
/// What the webhook puts on the events queue and the processor reads: the validated, normalized event,
/// the account it arrived for (from the route) and when we accepted it (for latency and ordering).
/// </summary>
public sealed class QueuedRoezanEvent
{
    public required string AccountId { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public required RoezanEvent Event { get; init; }
}
