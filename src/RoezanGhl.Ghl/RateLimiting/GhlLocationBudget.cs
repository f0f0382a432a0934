using System.Threading.RateLimiting;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// The budget of one location: an exact sliding-window limiter for the burst limit (its window a
/// safety margin longer than GHL's), the pause after a 429, and the daily count.
/// </summary>
internal sealed class GhlLocationBudget : IDisposable
{
    // GHL does not say when its daily window resets; a daily figure older than this is not trusted to
    // hold background work back, so that a new day's budget is discovered.
    private static readonly TimeSpan DailyFigureLifetime = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _safetyMargin;
    private readonly int _queueLimit;
    private GhlSlidingLogRateLimiter _limiter;
    private GhlSlidingLogRateLimiter? _retiredLimiter;
    private long _sentSequence;
    private int? _serverRemaining;
    private long? _dailyRemainingSeen;
    private DateTimeOffset _dailySeenAt;
    private long _sentSinceDailySeen;
    private DateTimeOffset? _pausedUntil;
    private bool _disposed;

    /// <summary>A budget sized from the options (<c>Ghl:RateLimit*</c>, <c>Ghl:DailyLimit</c>) until GHL's headers say otherwise.</summary>
    public GhlLocationBudget(string locationId, GhlOptions options, TimeProvider timeProvider)
    {
        LocationId = locationId;
        _timeProvider = timeProvider;
        _safetyMargin = options.RateLimitSafetyMargin;
        _queueLimit = options.RateLimitQueueLimit;
        DailyLimit = options.DailyLimit;
        _limiter = CreateLimiter(options.RateLimitMaxRequests, options.RateLimitInterval);
        MaxPerInterval = options.RateLimitMaxRequests;
        Interval = options.RateLimitInterval;
    }

    public string LocationId { get; }

    public int MaxPerInterval { get; private set; }

    public TimeSpan Interval { get; private set; }

    public long DailyLimit { get; private set; }

    public RateLimiter Limiter
    {
        get
        {
            lock (_gate)
            {
                return _limiter;
            }
        }
    }

    public DateTimeOffset? PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil is { } until && until > _timeProvider.GetUtcNow() ? until : null;
            }
        }
    }

    /// <summary>How long a call asked for now would wait: the 429 pause or the sliding window behind its waiters (and <paramref name="ahead"/> more), whichever is longer.</summary>
    public TimeSpan ExpectedWait(int ahead)
    {
        GhlSlidingLogRateLimiter limiter;
        lock (_gate)
        {
            limiter = _limiter;
        }

        var window = limiter.ExpectedWait(ahead);
        var pause = PausedUntil is { } until ? until - _timeProvider.GetUtcNow() : TimeSpan.Zero;
        return window > pause ? window : pause;
    }

    /// <summary>Estimated requests left today, or null when GHL has not said (recently).</summary>
    public long? DailyRemaining(bool onlyIfFresh)
    {
        lock (_gate)
        {
            if (_dailyRemainingSeen is not { } seen)
            {
                return null;
            }

            if (onlyIfFresh && _timeProvider.GetUtcNow() - _dailySeenAt > DailyFigureLifetime)
            {
                return null;
            }

            return Math.Max(0, seen - _sentSinceDailySeen);
        }
    }

    public GhlRateLimitPermit RecordGrant(RateLimiter limiter, RateLimitLease lease)
    {
        var sequence = Interlocked.Increment(ref _sentSequence);
        lock (_gate)
        {
            _sentSinceDailySeen++;
        }

        return new GhlRateLimitPermit(lease, (int)limiter.GetStatistics()!.CurrentAvailablePermits, sequence);
    }

    /// <summary>Learns from GHL's rate-limit headers on any answer, 429 included.</summary>
    public void Observe(GhlRateLimitHeaders headers, GhlRateLimitPermit permit)
    {
        lock (_gate)
        {
            if (headers.DailyRemaining is { } daily)
            {
                _dailyRemainingSeen = daily;
                _dailySeenAt = _timeProvider.GetUtcNow();
                _sentSinceDailySeen = 0;
            }

            if (headers.DailyLimit is { } dailyLimit)
            {
                DailyLimit = dailyLimit;
            }

            if (headers.Remaining is { } remaining)
            {
                _serverRemaining = remaining;
            }

            var max = headers.Max is > 0 ? headers.Max.Value : MaxPerInterval;
            var interval = headers.Interval ?? Interval;
            if (max != MaxPerInterval || interval != Interval)
            {
                Reconfigure(max, interval);

                // The new window starts full, but GHL's current one is partly spent already.
                if (headers.Remaining is { } left && max - left > 0)
                {
                    using var spent = _limiter.AttemptAcquire(Math.Min(max, max - left));
                }

                return;
            }
        }

        if (headers.Remaining is { } serverRemaining)
        {
            BurnForeignUse(serverRemaining, permit);
        }
    }

    /// <summary>GHL answered 429: nothing more goes to this location until the window has reset.</summary>
    public DateTimeOffset Pause(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = _timeProvider.GetUtcNow() + delay;
            if (_pausedUntil is null || until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            return _pausedUntil.Value;
        }
    }

    public GhlRateLimitBudget Snapshot(long dailyReserve)
    {
        var limiter = Limiter;
        var statistics = limiter.GetStatistics();
        int? serverRemaining;
        lock (_gate)
        {
            serverRemaining = _serverRemaining;
        }

        return new GhlRateLimitBudget
        {
            LocationId = LocationId,
            MaxPerInterval = MaxPerInterval,
            Interval = Interval,
            RemainingInWindow = (int)(statistics?.CurrentAvailablePermits ?? 0),
            ServerRemainingInWindow = serverRemaining,
            DailyLimit = DailyLimit,
            DailyRemaining = DailyRemaining(onlyIfFresh: false),
            DailyReserve = dailyReserve,
            PausedUntil = PausedUntil,
            Waiting = (int)(statistics?.CurrentQueuedCount ?? 0),
        };
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _limiter.Dispose();
            _retiredLimiter?.Dispose();
        }
    }

    // GHL counts requests we did not send (another instance of the app, another app sharing the
    // budget): when its Remaining is lower than ours by more than the requests we sent while this one
    // was in flight (which GHL may have counted first), use up that many local permits too.
    private void BurnForeignUse(int serverRemaining, GhlRateLimitPermit permit)
    {
        var sentSince = Interlocked.Read(ref _sentSequence) - permit.SentSequence;
        var foreign = permit.AvailableAfterGrant - serverRemaining - sentSince;
        if (foreign <= 0)
        {
            return;
        }

        var limiter = Limiter;
        var available = limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
        var burn = (int)Math.Min(foreign, available);
        if (burn > 0)
        {
            using var lease = limiter.AttemptAcquire(burn);
        }
    }

    // Called under _gate. Calls waiting on the old limiter finish there; it is disposed at the next
    // change, long after they have been served or timed out.
    private void Reconfigure(int maxPerInterval, TimeSpan interval)
    {
        _retiredLimiter?.Dispose();
        _retiredLimiter = _limiter;
        _limiter = CreateLimiter(maxPerInterval, interval);
        MaxPerInterval = maxPerInterval;
        Interval = interval;
    }

    private GhlSlidingLogRateLimiter CreateLimiter(int maxPerInterval, TimeSpan interval) =>
        new(maxPerInterval, interval + _safetyMargin, _queueLimit, _timeProvider);
}
