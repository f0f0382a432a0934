using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// Keeps each location's calls within GHL's limits inside this process: an exact sliding window per
/// location (<see cref="GhlSlidingLogRateLimiter"/>, a System.Threading.RateLimiting limiter) sized from the options and
/// then from GHL's <c>X-RateLimit-*</c> headers; a pause for the whole location after a 429 (until
/// <c>Retry-After</c>, else one burst interval); and the daily budget, of which background work must
/// leave the configured reserve. One instance serves the whole process (a singleton).
/// </summary>
public sealed class GhlRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, GhlLocationBudget> _budgets = new(StringComparer.Ordinal);
    private readonly Lock _creation = new();
    private readonly GhlOptions _options;
    private readonly TimeProvider _timeProvider;

    public GhlRateLimiter(IOptions<GhlOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The budget of <paramref name="locationId"/> as it stands now.</summary>
    public GhlRateLimitBudget GetBudget(string locationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        return Budget(locationId).Snapshot(_options.DailyReserve);
    }

    /// <summary>The budgets of every location called so far.</summary>
    public IReadOnlyList<GhlRateLimitBudget> GetBudgets() =>
        [.. _budgets.Values.Select(budget => budget.Snapshot(_options.DailyReserve))];

    /// <summary>
    /// How long a call for <paramref name="locationId"/> asked for now would wait for its permit: the pause after a
    /// 429, the permits in use and the calls already waiting, plus <paramref name="ahead"/> more calls assumed ahead of
    /// it. Arithmetic only: no permit is taken, and a location never called (no budget yet) waits zero.
    /// </summary>
    public TimeSpan ExpectedWait(string locationId, int ahead = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        return _budgets.TryGetValue(locationId, out var budget) ? budget.ExpectedWait(ahead) : TimeSpan.Zero;
    }

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            budget.Dispose();
        }

        _budgets.Clear();
    }

    /// <summary>
    /// Waits for a permit for one request (dispose it when the answer arrives), at most <see cref="GhlOptions.RateLimitMaxWait"/>; throws
    /// <see cref="GhlRateLimitRejectedException"/> when none comes in time, the queue is full, or
    /// background work would dig into the daily reserve.
    /// </summary>
    internal async ValueTask<GhlRateLimitPermit> AcquireAsync(string locationId, GhlRequestPriority priority, CancellationToken cancellationToken)
    {
        var budget = Budget(locationId);
        if (priority == GhlRequestPriority.Background
            && budget.DailyRemaining(onlyIfFresh: true) is { } dailyRemaining
            && dailyRemaining <= _options.DailyReserve)
        {
            throw new GhlRateLimitRejectedException(
                $"Background work stopped for location '{locationId}': {dailyRemaining} requests left today, {_options.DailyReserve} kept for live changes.",
                TimeSpan.FromHours(1));
        }

        var deadline = _timeProvider.GetUtcNow() + _options.RateLimitMaxWait;
        if (budget.PausedUntil is { } pausedUntil)
        {
            if (pausedUntil > deadline)
            {
                throw new GhlRateLimitRejectedException(
                    $"Location '{locationId}' is paused after a 429 until {pausedUntil:O}.", pausedUntil - _timeProvider.GetUtcNow());
            }

            var pause = pausedUntil - _timeProvider.GetUtcNow();
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        var limiter = budget.Limiter;
        var remainingWait = deadline - _timeProvider.GetUtcNow();
        using var waitLimit = new CancellationTokenSource(remainingWait > TimeSpan.Zero ? remainingWait : TimeSpan.Zero, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waitLimit.Token);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (waitLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GhlRateLimitRejectedException(
                $"No rate-limit permit for location '{locationId}' within {_options.RateLimitMaxWait.TotalSeconds:0.#} s.", budget.Interval);
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new GhlRateLimitRejectedException(
                $"Too many calls waiting for location '{locationId}' ({_options.RateLimitQueueLimit}).", budget.Interval);
        }

        return budget.RecordGrant(limiter, lease);
    }

    /// <summary>Learns from an answer's headers; a 429 pauses the location and returns the delay it asked for.</summary>
    internal TimeSpan? Observe(string locationId, GhlRateLimitPermit permit, HttpResponseMessage response)
    {
        var budget = Budget(locationId);
        var headers = GhlRateLimitHeaders.Read(response, _timeProvider);
        budget.Observe(headers, permit);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var delay = headers.DelayAfter429(budget.Interval);
        budget.Pause(delay);
        return delay;
    }

    // A budget owns a timer, so it is created under a lock rather than by a GetOrAdd factory that
    // may run twice and leak the loser.
    private GhlLocationBudget Budget(string locationId)
    {
        if (_budgets.TryGetValue(locationId, out var existing))
        {
            return existing;
        }

        lock (_creation)
        {
            if (_budgets.TryGetValue(locationId, out existing))
            {
                return existing;
            }

            var budget = new GhlLocationBudget(locationId, _options, _timeProvider);
            _budgets[locationId] = budget;
            return budget;
        }
    }
}
