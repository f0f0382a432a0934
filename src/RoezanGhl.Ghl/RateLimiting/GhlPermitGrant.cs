namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>One permit of <see cref="GhlSlidingLogRateLimiter"/>: in use until one window after its request's answer arrived.</summary>
internal sealed class GhlPermitGrant
{
    /// <summary>When the lease was disposed (the answer arrived); null while the request is in flight.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}
