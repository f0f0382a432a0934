namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// A snapshot of one location's budget as the client sees it: what the local limiter still lets
/// through in the burst window, and what GHL last said about the window and the day.
/// </summary>
/// <param name="LocationId">The location.</param>
/// <param name="MaxPerInterval">Requests allowed per burst window (from <c>X-RateLimit-Max</c> once seen).</param>
/// <param name="Interval">The burst window (from <c>X-RateLimit-Interval-Milliseconds</c> once seen).</param>
/// <param name="RemainingInWindow">Permits the local limiter would grant now without waiting.</param>
/// <param name="ServerRemainingInWindow">GHL's last <c>X-RateLimit-Remaining</c>; null before the first answer.</param>
/// <param name="DailyLimit">Requests per day (from <c>X-RateLimit-Limit-Daily</c> once seen).</param>
/// <param name="DailyRemaining">Estimated requests left today: GHL's last <c>X-RateLimit-Daily-Remaining</c> minus what was sent since; null before the first answer.</param>
/// <param name="DailyReserve">What background work must leave for live changes.</param>
/// <param name="PausedUntil">When GHL answered 429, until when the location is paused; else null.</param>
/// <param name="Waiting">Calls queued for a permit now.</param>
public sealed record GhlRateLimitBudget(
    string LocationId,
    int MaxPerInterval,
    TimeSpan Interval,
    int RemainingInWindow,
    int? ServerRemainingInWindow,
    long DailyLimit,
    long? DailyRemaining,
    long DailyReserve,
    DateTimeOffset? PausedUntil,
    int Waiting)
{
    /// <summary>True when background work may still spend the daily budget.</summary>
    public bool BackgroundAllowed => DailyRemaining is null || DailyRemaining > DailyReserve;
}
