using RoezanGhl.Core.Events;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>What the planner plans: the delivery's event, or its merge with other queued changes of its contact (<see cref="Absorbed"/>).</summary>
public sealed record CoalescedInput(QueuedRoezanEvent Queued, IReadOnlyList<string> Absorbed)
{
    public static CoalescedInput Alone(QueuedRoezanEvent queued) => new(queued, []);
}
