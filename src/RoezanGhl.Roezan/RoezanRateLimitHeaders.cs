using System.Globalization;
using System.Net.Http.Headers;

namespace RoezanGhl.Roezan;

/// <summary>
/// Roezan's <c>ratelimit-limit</c>, <c>ratelimit-remaining</c> and <c>ratelimit-reset</c> headers (the IETF
/// RateLimit fields). <c>ratelimit-reset</c> is read as seconds from now, or as a Unix time when it is that
/// large, since servers use both.
/// </summary>
internal readonly record struct RoezanRateLimitHeaders(int? Limit, int? Remaining, DateTimeOffset? ResetAt)
{
    private const long UnixTimeThreshold = 1_000_000_000;

    public static RoezanRateLimitHeaders Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var reset = Number(headers, "ratelimit-reset") is { } value
            ? value >= UnixTimeThreshold ? DateTimeOffset.FromUnixTimeSeconds(value) : now.AddSeconds(value)
            : (DateTimeOffset?)null;
        return new RoezanRateLimitHeaders((int?)Number(headers, "ratelimit-limit"), (int?)Number(headers, "ratelimit-remaining"), reset);
    }

    /// <summary>How long to wait before the next call: until the reset when nothing remains, else zero.</summary>
    public TimeSpan WaitBeforeNextCall(DateTimeOffset now) =>
        Remaining is <= 0 && ResetAt is { } reset && reset > now ? reset - now : TimeSpan.Zero;

    private static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault()?.Split(',')[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
