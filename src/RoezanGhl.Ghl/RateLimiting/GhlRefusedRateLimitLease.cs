using System.Threading.RateLimiting;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>No permit from <see cref="GhlSlidingLogRateLimiter"/>, with when one may be free (<see cref="MetadataName.RetryAfter"/>) when that is known.</summary>
internal sealed class GhlRefusedRateLimitLease(TimeSpan? retryAfter) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } value)
        {
            metadata = value;
            return true;
        }

        metadata = null;
        return false;
    }
}
