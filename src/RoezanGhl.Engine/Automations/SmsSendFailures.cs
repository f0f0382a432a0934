using Polly.CircuitBreaker;
using Polly.RateLimiting;
using RoezanGhl.Roezan;

namespace RoezanGhl.Engine.Automations;

/// <summary>Which failures of a call to Roezan mean that the request never reached it (so a send cannot have gone out).</summary>
public static class SmsSendFailures
{
    /// <summary>
    /// True for a 429 (Roezan's answer, or our client's own wait for Roezan's limit to reset), and for a call our
    /// resilience pipeline refused before sending (circuit open, local rate limiter). Not for a timeout: a request that
    /// timed out may have reached Roezan.
    /// </summary>
    public static bool NothingWasSent(Exception exception) =>
        exception is RoezanApiException { IsRateLimited: true } or BrokenCircuitException or RateLimiterRejectedException;

    /// <summary>When to try again after <paramref name="exception"/>, if it says (Retry-After, the local limiter's wait).</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        RoezanApiException { RetryAfter: { } wait } => wait,
        RateLimiterRejectedException { RetryAfter: { } wait } => wait,
        _ => null,
    };
}
