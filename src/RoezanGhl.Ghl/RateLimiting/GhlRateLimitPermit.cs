using System.Threading.RateLimiting;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// A granted permit for one request, held while the request is in flight: disposing it when the
/// answer (or failure) arrives starts the permit's window. It also carries what the limiter knew when
/// it was granted (permits left locally, requests sent before), which, compared with GHL's
/// <c>X-RateLimit-Remaining</c>, reveals requests made by someone else for the same location.
/// </summary>
internal sealed class GhlRateLimitPermit(RateLimitLease lease, int availableAfterGrant, long sentSequence) : IDisposable
{
    public int AvailableAfterGrant { get; } = availableAfterGrant;

    public long SentSequence { get; } = sentSequence;

    public void Dispose() => lease.Dispose();
}
