using System.Globalization;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>GHL's rate-limit headers of one answer, and the delay a 429 asks for.</summary>
internal sealed record GhlRateLimitHeaders(int? Max, int? Remaining, TimeSpan? Interval, long? DailyRemaining, long? DailyLimit, TimeSpan? RetryAfter)
{
    public static GhlRateLimitHeaders Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        var intervalMs = ReadLong(headers, "X-RateLimit-Interval-Milliseconds");
        return new GhlRateLimitHeaders(
            (int?)ReadLong(headers, "X-RateLimit-Max"),
            (int?)ReadLong(headers, "X-RateLimit-Remaining"),
            intervalMs is > 0 ? TimeSpan.FromMilliseconds(intervalMs.Value) : null,
            ReadLong(headers, "X-RateLimit-Daily-Remaining"),
            ReadLong(headers, "X-RateLimit-Limit-Daily"),
            ReadRetryAfter(response, timeProvider));
    }

    /// <summary>How long to wait after a 429: <c>Retry-After</c>, else the burst interval, else <paramref name="fallback"/>.</summary>
    public TimeSpan DelayAfter429(TimeSpan fallback) => RetryAfter ?? Interval ?? fallback;

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static long? ReadLong(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
