using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace RoezanGhl.TestSupport.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when the code under test starts waiting on it (a
/// <c>Task.Delay</c>, a timeout, a limiter's wake-up: every timer it is asked for). That is the gate a test needs
/// before it moves the clock: "the client is now pausing for the Retry-After" instead of "sleep a while and hope
/// it got there". The real time spent waiting for a gate is only a guard against a hang, never what is asserted.
/// </summary>
public sealed class WatchedTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan DefaultGuard = TimeSpan.FromSeconds(15);
    private readonly Lock _gate = new();
    private readonly List<Wait> _waits = [];
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _handedOut;

    public WatchedTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        timer.Wait = Started(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits until a timer due in <paramref name="atLeast"/> to <paramref name="atMost"/> has been started since the
    /// last one this method returned, and returns its due time. Fails after <paramref name="guard"/> of real time.
    /// </summary>
    public async Task<TimeSpan> WaitStartedAsync(TimeSpan atLeast, TimeSpan atMost, TimeSpan? guard = null)
    {
        using var timeout = new CancellationTokenSource(guard ?? DefaultGuard);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                var index = _waits.FindIndex(_handedOut, wait => wait.DueTime >= atLeast && wait.DueTime <= atMost);
                if (index >= 0)
                {
                    _handedOut = index + 1;
                    return _waits[index].DueTime;
                }

                next = _started.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Nothing started waiting {atLeast} to {atMost} on the fake clock; timers started: {string.Join(", ", Waits())}.");
            }
        }
    }

    /// <summary>
    /// Moves the clock to the end of each wait of at most <paramref name="atMost"/> that the code starts, one after
    /// the other, until <paramref name="task"/> has finished: time passes only while the code waits, never while it
    /// works, and exactly as far as it waits. Fails after <paramref name="guard"/> of real time.
    /// </summary>
    public async Task<T> AdvanceThroughWaitsAsync<T>(Task<T> task, TimeSpan atMost, TimeSpan? guard = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var timeout = new CancellationTokenSource(guard ?? DefaultGuard);
        while (!task.IsCompleted)
        {
            Task started;
            Wait? next;
            lock (_gate)
            {
                var now = GetUtcNow();
                next = _waits.Where(wait => !wait.Ended && wait.DueTime <= atMost && wait.DueAt > now).MinBy(wait => wait.DueAt);
                started = _started.Task;
            }

            if (next is not null)
            {
                Advance(next.DueAt - GetUtcNow());
                continue;
            }

            try
            {
                await Task.WhenAny(task, started).WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Neither finished nor waiting on the fake clock; timers started: {string.Join(", ", Waits())}.");
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> at a time until <paramref name="task"/> has finished, for code
    /// that waits between tries; fails after <paramref name="guard"/> of real time.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task, TimeSpan step, TimeSpan? guard = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var started = Stopwatch.GetTimestamp();
        while (!task.IsCompleted)
        {
            if (Stopwatch.GetElapsedTime(started) > (guard ?? DefaultGuard))
            {
                throw new TimeoutException($"Still running after the clock moved to {GetUtcNow():O}.");
            }

            Advance(step);
            // Lets what the step woke up run before the next one.
            await Task.WhenAny(task, Task.Delay(2, CancellationToken.None)).ConfigureAwait(false);
        }

        return await task.ConfigureAwait(false);
    }

    private List<TimeSpan> Waits()
    {
        lock (_gate)
        {
            return [.. _waits.Select(wait => wait.DueTime)];
        }
    }

    private Wait? Started(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        TaskCompletionSource started;
        var wait = new Wait(dueTime, GetUtcNow() + dueTime);
        lock (_gate)
        {
            _waits.Add(wait);
            started = _started;
            _started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        started.SetResult();
        return wait;
    }

    /// <summary>One timer's wait: how long it was set for, when that ends, and whether it was re-armed or disposed before.</summary>
    private sealed record Wait(TimeSpan DueTime, DateTimeOffset DueAt)
    {
        public bool Ended { get; set; }
    }

    /// <summary>The fake timer, reporting each re-arm (<c>Change</c>) as a new wait that ends the one before.</summary>
    private sealed class WatchedTimer(WatchedTimeProvider owner, ITimer inner) : ITimer
    {
        public Wait? Wait { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            End();
            Wait = owner.Started(dueTime);
            return changed;
        }

        public void Dispose()
        {
            End();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            End();
            return inner.DisposeAsync();
        }

        private void End()
        {
            lock (owner._gate)
            {
                if (Wait is not null)
                {
                    Wait.Ended = true;
                }
            }
        }
    }
}
