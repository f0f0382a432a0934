using System.Threading.RateLimiting;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// An exact sliding-window limiter on System.Threading.RateLimiting's <see cref="RateLimiter"/>
/// abstraction: it remembers when each of the last <c>permitLimit</c> permits was granted and grants
/// the next one only when the oldest has left the window, so no span of the window's length ever
/// holds more than the limit. Waiters are served oldest first and woken by a
/// <see cref="TimeProvider"/> timer at the moment a permit frees up.
/// Why not the built-in <see cref="SlidingWindowRateLimiter"/>: it counts per segment, so a whole
/// segment must be given up to be safe against GHL's window, it only slides on real
/// <see cref="System.Diagnostics.Stopwatch"/> time (no fake clock in tests), and a timer tick that
/// comes a little early is skipped, which quietly loses budget.
/// </summary>
internal sealed class GhlSlidingLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly Lock _gate = new();
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly int _queueLimit;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<DateTimeOffset> _grants = new();
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
        _window = window;
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
                CurrentAvailablePermits = _permitLimit - _grants.Count,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            if (_waiters.Count == 0 && TryGrant(permitCount, now))
            {
                return Granted;
            }

            _failedLeases++;
            return new Lease(false, FreeAt(permitCount) - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            if (_waiters.Count == 0 && TryGrant(permitCount, now))
            {
                return ValueTask.FromResult(Granted);
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                _failedLeases++;
                return ValueTask.FromResult<RateLimitLease>(new Lease(false, FreeAt(permitCount) - now));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(permitCount);
            var node = _waiters.AddLast(waiter);
            _queuedPermits += permitCount;
            _idleSince = null;
            waiter.Registration = cancellationToken.Register(static state =>
            {
                var (limiter, node, token) = ((GhlSlidingLogRateLimiter, LinkedListNode<Waiter>, CancellationToken))state!;
                limiter.Cancel(node, token);
            }, (this, node, cancellationToken));
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
                waiter.Completion.TrySetResult(new Lease(false, null));
            }

            _waiters.Clear();
            _queuedPermits = 0;
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
            while (_waiters.First is { } first && TryGrant(first.Value.Permits, now))
            {
                _waiters.RemoveFirst();
                _queuedPermits -= first.Value.Permits;
                first.Value.Registration.Dispose();
                if (!first.Value.Completion.TrySetResult(Granted))
                {
                    // Cancelled at the same moment: its permits go back by forgetting the grants just made.
                    Ungrant(first.Value.Permits);
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
    private bool TryGrant(int permits, DateTimeOffset now)
    {
        Forget(now);
        if (_grants.Count + permits > _permitLimit)
        {
            return false;
        }

        for (var i = 0; i < permits; i++)
        {
            _grants.Enqueue(now);
        }

        _successfulLeases++;
        _idleSince = null;
        return true;
    }

    private void Ungrant(int permits)
    {
        var kept = _grants.ToArray()[..^permits];
        _grants.Clear();
        foreach (var grant in kept)
        {
            _grants.Enqueue(grant);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_grants.TryPeek(out var oldest) && oldest + _window <= now)
        {
            _grants.Dequeue();
        }

        if (_grants.Count == 0 && _waiters.Count == 0)
        {
            _idleSince ??= now;
        }
    }

    // When enough grants will have left the window for `permits` more.
    private DateTimeOffset FreeAt(int permits)
    {
        var mustLeave = _grants.Count + permits - _permitLimit;
        return mustLeave <= 0 ? _timeProvider.GetUtcNow() : _grants.ElementAt(mustLeave - 1) + _window;
    }

    private void ScheduleWakeUp(DateTimeOffset now)
    {
        if (_waiters.First is not { } first)
        {
            _wakeUp.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = FreeAt(first.Value.Permits) - now;
        _wakeUp.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } value)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
