namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// A granted permit, with what the limiter knew when it was granted: the permits left locally and how
/// many requests had been sent before. Comparing these with GHL's <c>X-RateLimit-Remaining</c> in the
/// answer reveals requests made by someone else (another instance of the app) for the same location.
/// </summary>
internal readonly record struct GhlRateLimitPermit(int AvailableAfterGrant, long SentSequence);
