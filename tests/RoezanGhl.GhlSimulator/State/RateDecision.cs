namespace RoezanGhl.GhlSimulator.State;

/// <summary>The outcome of counting one request against a location's limits.</summary>
public sealed record RateDecision(bool Allowed, int RemainingInWindow, long RemainingToday, TimeSpan ResetIn);
