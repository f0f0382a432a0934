namespace RoezanGhl.GhlSimulator.State;

/// <summary>One answered request: when (ms since the counters were reset) and its status.</summary>
public sealed record TimelineEntry(long AtMs, int Status);
