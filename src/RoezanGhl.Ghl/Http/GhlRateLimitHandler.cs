using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// Takes a permit from the location's limiter before each attempt leaves the process (and holds it
/// until the answer is in), marks the
/// attempt as sent, and hands GHL's rate-limit headers back to the limiter (a 429 pauses the location).
/// It sits inside the retry and 401 handlers so that every attempt, repeats included, is counted
/// (<see cref="GhlMetrics"/>: calls, 429s, time waited for the permit).
/// </summary>
internal sealed class GhlRateLimitHandler(GhlRateLimiter rateLimiter, GhlMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = GhlRequestContext.From(request);
        context.BeginAttempt();
        var asked = time.GetTimestamp();
        // Held until the answer is in: GHL counted the request somewhere between now and then.
        using var permit = await rateLimiter.AcquireAsync(context.LocationId, context.Priority, cancellationToken).ConfigureAwait(false);
        metrics.RecordPermitWait(context.LocationId, time.GetElapsedTime(asked));
        context.MarkSent();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.CountCall(context.Operation.Name, context.LocationId, 0);
            throw;
        }

        metrics.CountCall(context.Operation.Name, context.LocationId, (int)response.StatusCode);
        rateLimiter.Observe(context.LocationId, permit, response);
        return response;
    }
}
