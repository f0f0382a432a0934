namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// The local limiter refused a request before it was sent (no permit within the wait limit, the queue
/// is full, or background work reached the daily reserve). The client turns it into a
/// <see cref="Errors.GhlApiException"/> of kind RateLimited; nothing reached GHL.
/// </summary>
internal sealed class GhlRateLimitRejectedException : Exception
{
    public GhlRateLimitRejectedException(string message, TimeSpan retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    public GhlRateLimitRejectedException()
        : this("Rate limited locally.", TimeSpan.FromSeconds(10))
    {
    }

    public GhlRateLimitRejectedException(string message)
        : this(message, TimeSpan.FromSeconds(10))
    {
    }

    public GhlRateLimitRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(10);
    }

    public TimeSpan RetryAfter { get; }
}
