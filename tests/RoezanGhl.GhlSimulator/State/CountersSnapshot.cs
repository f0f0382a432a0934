namespace RoezanGhl.GhlSimulator.State;

/// <summary>The counters at one moment (<c>GET /_sim/counters</c>).</summary>
public sealed record CountersSnapshot(
    long Total,
    long RateLimited,
    Dictionary<string, long> ByStatus,
    Dictionary<string, IReadOnlyList<TimelineEntry>> Timelines);
