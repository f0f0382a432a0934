namespace RoezanGhl.RoezanSimulator.State;

/// <summary>The counters at one moment (<c>GET /_sim/counters</c>); a status 0 is a dropped connection.</summary>
public sealed record RequestCountersSnapshot(long Total, long RateLimited, Dictionary<string, long> ByStatus, Dictionary<string, long> ByAccount);
