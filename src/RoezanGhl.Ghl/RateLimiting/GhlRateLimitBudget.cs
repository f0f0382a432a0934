namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// A snapshot of one location's budget as the client sees it: what the local limiter still lets
/// through in the burst window, and what GHL last said about the window and the day.
/// </summary>
public sealed record GhlRateLimitBudget
{
    /// <summary>The location.</summary>
    public required string LocationId { get; init; }

    /// <summary>Requests allowed per burst window (from <c>X-RateLimit-Max</c> once seen).</summary>
    public required int MaxPerInterval { get; init; }

    /// <summary>The burst window (from <c>X-RateLimit-Interval-Milliseconds</c> once seen).</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>Permits the local limiter would grant now without waiting.</summary>
    public required int RemainingInWindow { get; init; }

    /// <summary>GHL's last <c>X-RateLimit-Remaining</c>; null before the first answer.</summary>
    public int? ServerRemainingInWindow { get; init; }

    /// <summary>Requests per day (from <c>X-RateLimit-Limit-Daily</c> once seen).</summary>
    public required long DailyLimit { get; init; }

    /// <summary>Estimated requests left today: GHL's last <c>X-RateLimit-Daily-Remaining</c> minus what was sent since; null before the first answer.</summary>
    public long? DailyRemaining { get; init; }

    /// <summary>What background work must leave for live changes.</summary>
    public required long DailyReserve { get; init; }

    /// <summary>When GHL answered 429, until when the location is paused; else null.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Calls queued for a permit now.</summary>
    public int Waiting { get; init; }

    /// <summary>True when background work may still spend the daily budget.</summary>
    public bool BackgroundAllowed => DailyRemaining is null || DailyRemaining > DailyReserve;
}
