using System.Threading.RateLimiting;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// An exact sliding-window limiter on System.Threading.RateLimiting's <see cref="RateLimiter"/>
/// abstraction. A permit stays in use while its lease is held (the request is in flight) and for one
/// window after the lease is disposed (the answer arrived). GHL counted the request somewhere between
/// sending and answering, so two requests <c>permitLimit</c> grants apart reach GHL at least one window
/// apart, whatever the network did: no GHL window, whatever its phase, sees more than the limit. The
/// price is one round trip per permit per window (about 1% at 100 ms of 10 s).
/// Waiters are served oldest first, woken by a <see cref="TimeProvider"/> timer or by a release.
/// Why not the built-in <see cref="SlidingWindowRateLimiter"/>: it counts per segment from the time of
/// sending (so a whole segment must be given up, and uneven network delay still lets a GHL window see
/// more than the limit), it only slides on real <see cref="System.Diagnostics.Stopwatch"/> time (no
/// fake clock in tests), and it skips a tick that comes a little early, quietly losing budget.
/// </summary>
internal sealed class GhlSlidingLogRateLimiter : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly int _permitLimit;
    private readonly int _queueLimit;
    private readonly TimeProvider _timeProvider;
    private readonly GhlPermitLog _log;
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly ITimer _wakeUp;
    private int _queuedPermits;
    private long _successfulLeases;
    private long _failedLeases;
    private DateTimeOffset? _idleSince;
    private bool _disposed;

    public GhlSlidingLogRateLimiter(int permitLimit, TimeSpan window, int queueLimit, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _log = new GhlPermitLog(permitLimit, window);
        _queueLimit = queueLimit;
        _timeProvider = timeProvider;
        _idleSince = timeProvider.GetUtcNow();
        _wakeUp = timeProvider.CreateTimer(static state => ((GhlSlidingLogRateLimiter)state!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _idleSince is { } since ? _timeProvider.GetUtcNow() - since : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Forget(_timeProvider.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _log.Available,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <summary>How long one permit asked for now would wait behind the waiters queued and <paramref name="ahead"/> more; takes nothing.</summary>
    public TimeSpan ExpectedWait(int ahead)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            Forget(now);
            var wait = _log.ExpectedGrant(_queuedPermits + Math.Max(0, ahead) + 1, now) - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            if (_waiters.Count == 0 && TryGrant(permitCount, now) is { } lease)
            {
                return lease;
            }

            _failedLeases++;
            return new GhlRefusedRateLimitLease(_log.NextExpiry(permitCount, now) is { } at ? at - now : null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            if (_waiters.Count == 0 && TryGrant(permitCount, now) is { } lease)
            {
                return ValueTask.FromResult<RateLimitLease>(lease);
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                _failedLeases++;
                return ValueTask.FromResult<RateLimitLease>(new GhlRefusedRateLimitLease(_log.NextExpiry(permitCount, now) is { } at ? at - now : null));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(permitCount);
            var node = _waiters.AddLast(waiter);
            _queuedPermits += permitCount;
            _idleSince = null;
            waiter.Registration = cancellationToken.Register(
                static state =>
                {
                    var (limiter, node, token) = ((GhlSlidingLogRateLimiter, LinkedListNode<Waiter>, CancellationToken))state!;
                    limiter.Cancel(node, token);
                },
                (this, node, cancellationToken));
            ScheduleWakeUp(now);
            return new ValueTask<RateLimitLease>(waiter.Completion.Task);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _wakeUp.Dispose();
            foreach (var waiter in _waiters)
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetResult(new GhlRefusedRateLimitLease(null));
            }

            _waiters.Clear();
            _queuedPermits = 0;
        }
    }

    /// <summary>The answer to the granted requests arrived: their permits count for one more window from now.</summary>
    internal void Release(GhlPermitGrant[] grants)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var grant in grants)
            {
                grant.ReleasedAt ??= now;
            }

            if (!_disposed)
            {
                ScheduleWakeUp(now);
            }
        }
    }

    private void ServeWaiters()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            while (_waiters.First is { } first && TryGrant(first.Value.Permits, now) is { } lease)
            {
                _waiters.RemoveFirst();
                _queuedPermits -= first.Value.Permits;
                first.Value.Registration.Dispose();
                if (!first.Value.Completion.TrySetResult(lease))
                {
                    // Cancelled at the same moment: nothing was sent, so the permits go back at once.
                    _log.Remove(lease.Grants);
                }
            }

            ScheduleWakeUp(now);
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken token)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
            _queuedPermits -= node.Value.Permits;
            _failedLeases++;
        }

        node.Value.Completion.TrySetCanceled(token);

        // The next waiter may fit now that this one is gone.
        ServeWaiters();
    }

    // Under _gate.
    private GhlHeldRateLimitLease? TryGrant(int permits, DateTimeOffset now)
    {
        Forget(now);
        if (_log.TryAdd(permits) is not { } grants)
        {
            return null;
        }

        _successfulLeases++;
        _idleSince = null;
        return new GhlHeldRateLimitLease(this, grants);
    }

    // Under _gate.
    private void Forget(DateTimeOffset now)
    {
        _log.Forget(now);
        if (_log.Count == 0 && _waiters.Count == 0)
        {
            _idleSince ??= now;
        }
    }

    private void ScheduleWakeUp(DateTimeOffset now)
    {
        if (_waiters.First is not { } first || _log.NextExpiry(first.Value.Permits, now) is not { } at)
        {
            _wakeUp.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = at - now;
        _wakeUp.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
