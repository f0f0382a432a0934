using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RoezanGhl.Roezan;

/// <summary>
/// Which Roezan calls the client's retry may repeat. Lookups and the contact upsert (keyed by phone) are safe to
/// repeat; a send is not: Roezan takes no idempotency key, so a repeat after a lost answer texts the person twice.
/// </summary>
internal static class RoezanApiRetries
{
    /// <summary>Set on a request the retry must never repeat.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("RoezanGhl.NoRetry");

    /// <summary>Wraps the retry's predicate so that a request marked <see cref="NoRetry"/> is never repeated.</summary>
    public static void NeverRepeatSends(HttpRetryStrategyOptions retry)
    {
        var handles = retry.ShouldHandle;
        retry.ShouldHandle = args =>
            args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(NoRetry, out var once) && once
                ? PredicateResult.False()
                : handles(args);
    }

    /// <summary>
    /// Wraps the retry's predicate so that a 429 asking for a longer wait than <paramref name="maxWait"/> is not waited
    /// out inside the call: the caller gets the 429 with its Retry-After (and may plan for then) instead of a wait that
    /// the total request timeout would cut into a timeout, which says nothing of what Roezan wanted (a send's look-up
    /// would then have to call the send Unknown).
    /// </summary>
    public static void NeverWaitOutLongRateLimits(HttpRetryStrategyOptions retry, TimeSpan maxWait)
    {
        var handles = retry.ShouldHandle;
        retry.ShouldHandle = args =>
            args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.TooManyRequests } answer
            && (answer.Headers.RetryAfter?.Delta ?? TimeSpan.Zero) > maxWait
                ? PredicateResult.False()
                : handles(args);
    }
}
