namespace RoezanGhl.GhlSimulator.State;

/// <summary>The counters at one moment (<c>GET /_sim/counters</c>).</summary>
public sealed record CountersSnapshot(
    long Total,
    long RateLimited,
    Dictionary<string, long> ByStatus,
    Dictionary<string, IReadOnlyList<TimelineEntry>> Timelines)
{
    /// <summary>Requests by route (<see cref="SimulatorCounters.RouteOf"/>), whatever the answer.</summary>
    public Dictionary<string, long> ByRoute { get; init; } = [];
}
