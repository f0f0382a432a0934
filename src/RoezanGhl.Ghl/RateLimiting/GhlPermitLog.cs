namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// The permits of one <see cref="GhlSlidingLogRateLimiter"/> that still count against its limit: each one granted
/// and not released yet (its request is in flight), or released less than one window ago. Not thread-safe: the
/// limiter calls it under its lock.
/// </summary>
internal sealed class GhlPermitLog
{
    private readonly List<GhlPermitGrant> _grants = [];
    private readonly int _permitLimit;
    private readonly TimeSpan _window;

    public GhlPermitLog(int permitLimit, TimeSpan window)
    {
        _permitLimit = permitLimit;
        _window = window;
    }

    public int Count => _grants.Count;

    public int Available => _permitLimit - _grants.Count;

    /// <summary>Records <paramref name="permits"/> new grants, or returns null when they do not fit under the limit.</summary>
    public GhlPermitGrant[]? TryAdd(int permits)
    {
        if (_grants.Count + permits > _permitLimit)
        {
            return null;
        }

        var grants = new GhlPermitGrant[permits];
        for (var i = 0; i < permits; i++)
        {
            grants[i] = new GhlPermitGrant();
            _grants.Add(grants[i]);
        }

        return grants;
    }

    /// <summary>Drops the grants released at least one window before <paramref name="now"/>.</summary>
    public void Forget(DateTimeOffset now) =>
        _grants.RemoveAll(grant => grant.ReleasedAt is { } released && released + _window <= now);

    /// <summary>Drops <paramref name="grants"/> at once: their request was never sent.</summary>
    public void Remove(GhlPermitGrant[] grants)
    {
        foreach (var grant in grants)
        {
            _grants.Remove(grant);
        }
    }

    /// <summary>
    /// When enough released grants will have left the window for <paramref name="permits"/> more; null when that
    /// depends on requests still in flight (a release wakes the waiters then).
    /// </summary>
    public DateTimeOffset? NextExpiry(int permits, DateTimeOffset now)
    {
        var mustLeave = _grants.Count + permits - _permitLimit;
        if (mustLeave <= 0)
        {
            return now;
        }

        var expiries = _grants.Where(g => g.ReleasedAt is not null).Select(g => g.ReleasedAt!.Value + _window).Order().ToList();
        return expiries.Count >= mustLeave ? expiries[mustLeave - 1] : null;
    }

    /// <summary>
    /// When the last of <paramref name="permits"/> more permits would be granted if every request in flight were
    /// answered now and each new one answered at once: an estimate for a caller deciding whether to wait, no permit
    /// taken. Permits beyond one limit's worth wait one more window for each further limit.
    /// </summary>
    public DateTimeOffset ExpectedGrant(int permits, DateTimeOffset now)
    {
        var mustLeave = _grants.Count + permits - _permitLimit;
        if (mustLeave <= 0)
        {
            return now;
        }

        var laterWindows = (mustLeave - 1) / _permitLimit;
        var turn = mustLeave - (laterWindows * _permitLimit);

        // The turn-th permit to leave: one now in the log, else one of those granted now, which leave a window on.
        var expiries = _grants.Select(g => (g.ReleasedAt ?? now) + _window).Order().ToList();
        var opens = turn <= expiries.Count ? expiries[turn - 1] : now + _window;
        return opens + (_window * laterWindows);
    }
}
