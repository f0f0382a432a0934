using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Logging;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// The resilience around every GHL call, one pipeline per location (so one location's outage opens
/// only its own circuit): a total timeout, jittered exponential retries, and a circuit breaker.
/// What is retried depends on whether the attempt may have been applied (see <see cref="ShouldRetry"/>).
/// </summary>
internal static class GhlResiliencePipeline
{
    public static void ConfigureOuter(ResiliencePipelineBuilder<HttpResponseMessage> builder, GhlOptions options, TimeProvider timeProvider, ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.TotalTimeout,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context)),
            DelayGenerator = args => ValueTask.FromResult(DelayFor(args.Outcome, options, timeProvider)),
            OnRetry = args =>
            {
                if (logger.IsEnabled(LogLevel.Information) && args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(GhlRequestContext.Key, out var context))
                {
                    var outcome = args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    GhlLog.RetryScheduled(logger, context.Operation.Display, context.LocationId, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, outcome);
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        GhlLog.RateLimitPaused(logger, context.LocationId, (long)args.RetryDelay.TotalMilliseconds, args.Outcome.Result.Headers.RetryAfter is not null);
                    }
                }

                return default;
            },
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            // GHL being unwell counts; being busy (429) or us holding back (local limiter) does not.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                _ => false,
            }),
            OnOpened = args =>
            {
                if (args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(GhlRequestContext.Key, out var context))
                {
                    GhlLog.CircuitOpened(logger, context.LocationId, (long)args.BreakDuration.TotalMilliseconds);
                }

                return default;
            },
        });
    }

    public static void ConfigureAttempt(ResiliencePipelineBuilder<HttpResponseMessage> builder, GhlOptions options) =>
        builder.AddTimeout(options.AttemptTimeout);

    /// <summary>
    /// Whether to repeat after <paramref name="outcome"/>. A 429 was not applied by GHL, and a request
    /// that never left (failed connect) was not either: both are always repeated. Other failures are
    /// repeated only for idempotent operations; a create that may have been applied is handed back to
    /// the caller as outcome-unknown instead.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext resilienceContext)
    {
        var request = resilienceContext.GetRequestMessage();
        if (request is null || !request.Options.TryGetValue(GhlRequestContext.Key, out var context))
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return true;
            }

            var transientStatus = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
            return transientStatus && context.Operation.Idempotent;
        }

        return outcome.Exception switch
        {
            // Waited the allowed time already, or the circuit is open: repeating now does not help.
            GhlRateLimitRejectedException or BrokenCircuitException => false,
            HttpRequestException exception when GhlErrorTranslator.NeverSent(exception) => true,
            HttpRequestException or TimeoutRejectedException or IOException => context.Operation.Idempotent || !context.AttemptSent,
            _ => false,
        };
    }

    /// <summary>After a 429: <c>Retry-After</c>, else <c>X-RateLimit-Interval-Milliseconds</c>; else the jittered backoff.</summary>
    private static TimeSpan? DelayFor(Outcome<HttpResponseMessage> outcome, GhlOptions options, TimeProvider timeProvider) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
            ? GhlRateLimitHeaders.Read(response, timeProvider).DelayAfter429(options.RateLimitInterval)
            : null;
}
