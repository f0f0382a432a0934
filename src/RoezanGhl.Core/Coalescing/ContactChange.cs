using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>One queued <c>contact.updated</c> as the merger sees it: the event and when it arrived (the tie-break after its own time).</summary>
public sealed record ContactChange(RoezanEvent Event, DateTimeOffset AcceptedAt);
