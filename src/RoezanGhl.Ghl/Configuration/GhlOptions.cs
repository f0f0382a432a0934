using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Ghl.Configuration;

/// <summary>
/// Settings of the GHL client, section <c>Ghl</c> (<c>Ghl__BaseUrl</c>, <c>Ghl__ApiVersion</c>, ...).
/// The rate-limit defaults are HighLevel's published limits per app per location; the client also
/// adapts to the <c>X-RateLimit-*</c> headers GHL sends, so these only matter until the first answer.
/// </summary>
public sealed class GhlOptions
{
    public const string SectionName = "Ghl";

    /// <summary>The API root. Point it at the simulator (http://127.0.0.1:5081) for local runs.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://services.leadconnectorhq.com");

    /// <summary>The <c>Version</c> header sent with every Contacts and Locations API request.</summary>
    [Required]
    public string ApiVersion { get; set; } = "2021-07-28";

    /// <summary>The <c>Version</c> header of the Conversations API (its spec allows only 2021-04-15).</summary>
    [Required]
    public string ConversationsApiVersion { get; set; } = "2021-04-15";

    /// <summary>Requests allowed per <see cref="RateLimitInterval"/> per location (GHL: 100).</summary>
    [Range(1, 100_000)]
    public int RateLimitMaxRequests { get; set; } = 100;

    /// <summary>The burst window (GHL: 10 s).</summary>
    public TimeSpan RateLimitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Added to the burst window in the in-process limiter, so that requests sent just over one window
    /// apart but delayed unevenly on the way still land in different GHL windows. 200 ms of 10 s
    /// gives up 2% of the budget.
    /// </summary>
    public TimeSpan RateLimitSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a call may wait for a rate-limit permit before it fails as rate limited.</summary>
    public TimeSpan RateLimitMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many calls per location may wait for a permit at once; more fail as rate limited.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitQueueLimit { get; set; } = 10_000;

    /// <summary>Requests allowed per day per location until GHL's headers say otherwise (GHL: 200,000).</summary>
    [Range(1, 100_000_000)]
    public long DailyLimit { get; set; } = 200_000;

    /// <summary>
    /// Part of the daily budget that <see cref="GhlRequestPriority.Background"/> work (bulk
    /// reconciliation) must leave for live changes.
    /// </summary>
    [Range(0, 100_000_000)]
    public long DailyReserve { get; set; } = 20_000;

    /// <summary>Time allowed for one HTTP attempt (not counting the wait for a rate-limit permit).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for one call, all attempts and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for failures that are safe to repeat.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failure ratio over <see cref="CircuitBreakerSamplingDuration"/> that opens a location's circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    [Range(2, 100_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before it lets one through to test GHL.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Page size of list calls (GHL's maximum is 100).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;
}
