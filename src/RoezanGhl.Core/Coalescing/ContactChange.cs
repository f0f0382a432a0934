using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>One queued change (a <c>contact.updated</c>, or a task's update or completion) as a merger sees it: the event and when it arrived.</summary>
public sealed record ContactChange(RoezanEvent Event, DateTimeOffset AcceptedAt)
{
    /// <summary>
    /// <paramref name="changes"/> oldest first: by their own time, then by event id (as the planner's stale rule orders them,
    /// <see cref="Planning.RoezanChangeOrder"/>: arrival order is no order), then by arrival.
    /// </summary>
    public static IEnumerable<ContactChange> OldestFirst(IEnumerable<ContactChange> changes) =>
        changes.OrderBy(change => change.Event.OccurredAt ?? DateTimeOffset.MinValue)
            .ThenBy(change => change.Event.Id, StringComparer.Ordinal)
            .ThenBy(change => change.AcceptedAt);
}
