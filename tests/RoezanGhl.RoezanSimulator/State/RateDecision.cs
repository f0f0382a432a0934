namespace RoezanGhl.RoezanSimulator.State;

/// <summary>The outcome of counting one request: allowed or not, and what the <c>ratelimit-*</c> headers say.</summary>
internal sealed record RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetIn);
