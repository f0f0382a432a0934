using System.Threading.RateLimiting;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>Permits granted by <see cref="GhlSlidingLogRateLimiter"/>; disposing it (the answer arrived) starts their last window.</summary>
internal sealed class GhlHeldRateLimitLease(GhlSlidingLogRateLimiter limiter, GhlPermitGrant[] grants) : RateLimitLease
{
    private int _disposed;

    public GhlPermitGrant[] Grants { get; } = grants;

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            limiter.Release(Grants);
        }

        base.Dispose(disposing);
    }
}
