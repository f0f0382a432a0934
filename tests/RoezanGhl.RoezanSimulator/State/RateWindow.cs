namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// A fixed window of one account (or one anonymous caller): it opens with the first request after
/// the previous window closed and counts requests up to the limit. Guarded by the state's lock.
/// </summary>
internal sealed class RateWindow
{
    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private int _used;

    public RateDecision TryTake(DateTimeOffset now, int limit, TimeSpan length)
    {
        if (now >= _start + length)
        {
            _start = now;
            _used = 0;
        }

        var allowed = limit <= 0 || _used < limit;
        if (allowed)
        {
            _used++;
        }

        return new RateDecision(allowed, limit, Math.Max(0, limit - _used), _start + length - now);
    }
}
