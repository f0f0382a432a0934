using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// The process's health every 250 ms while a run goes on, for the run's log beside <see cref="PacingTrace"/>: the
/// thread pool (threads, queued work items, work items completed), garbage collections and their pause time, lock
/// contention, the process's CPU time, how late the sampling timer itself fired, and two Azurite probes on the events queue (its properties:
/// the message count, visible and invisible; a one-message peek: a scan for a visible message, as a receive does).
/// Tells a stall in the process (queued work items pile up, the timer fires late, GC pauses) from one in Azurite
/// (probes slow while the process is idle). The probes run off the timer, one at a time, so a slow Azurite does not
/// stop the in-process sampling; a probe still out when its next turn comes is recorded as outstanding.
/// </summary>
public sealed class HealthSampler
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentQueue<HealthSample> _samples = new();
    private readonly RunClock _clock;
    private ProbeResult _lastProbe = new(-1, -1, -1, 0);
    private long _probeStartedAt;

    public HealthSampler(RunClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public IReadOnlyCollection<HealthSample> Samples => _samples;

    /// <summary>Samples until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task SampleAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        using var timer = new PeriodicTimer(Every);
        var expected = Stopwatch.GetTimestamp();
        Task? probe = null;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                expected += (long)(Every.TotalSeconds * Stopwatch.Frequency);
                var lag = Stopwatch.GetElapsedTime(expected);
                expected = Stopwatch.GetTimestamp();
                double outstandingMs = 0;
                if (probe is null || probe.IsCompleted)
                {
                    Interlocked.Exchange(ref _probeStartedAt, Stopwatch.GetTimestamp());
                    probe = ProbeAsync(queue, cancellationToken);
                }
                else
                {
                    outstandingMs = Stopwatch.GetElapsedTime(Interlocked.Read(ref _probeStartedAt)).TotalMilliseconds;
                }

                _samples.Enqueue(new HealthSample(
                    _clock.NowMs,
                    ThreadPool.ThreadCount,
                    ThreadPool.PendingWorkItemCount,
                    ThreadPool.CompletedWorkItemCount,
                    GC.CollectionCount(0),
                    GC.CollectionCount(2),
                    GC.GetTotalPauseDuration().TotalMilliseconds,
                    Monitor.LockContentionCount,
                    lag.TotalMilliseconds,
                    Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,
                    Volatile.Read(ref _lastProbe),
                    outstandingMs));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }

        if (probe is not null)
        {
            await probe.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The samples of second <paramref name="second"/> in one short text: the worst of each figure in that second
    /// ("pool 9 thr / 310 queued, 1,204 items/s, gc 2 (45 ms pause), locks 0, timer +3 ms, azurite props 4 ms peek 12 ms, 1,830 msgs").
    /// </summary>
    public string? Describe(int second, HealthSample? before)
    {
        var inSecond = _samples.Where(sample => (int)(sample.AtMs / 1000) == second).ToList();
        if (inSecond.Count == 0)
        {
            return null;
        }

        var last = inSecond[^1];
        var first = before ?? inSecond[0];
        var probes = inSecond.Select(sample => sample.Probe).Where(probe => probe.PropertiesMs >= 0).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"pool {inSecond.Max(s => s.Threads)} thr/{inSecond.Max(s => s.QueuedWorkItems)} queued, {last.CompletedWorkItems - first.CompletedWorkItems} items, gc {last.Gen0 - first.Gen0}/{last.Gen2 - first.Gen2} ({last.GcPauseMs - first.GcPauseMs:0} ms), locks {last.LockContentions - first.LockContentions}, cpu {last.CpuMs - first.CpuMs:0} ms, timer +{inSecond.Max(s => s.TimerLagMs):0} ms, azurite props {(probes.Count == 0 ? -1 : probes.Max(p => p.PropertiesMs)):0} peek {(probes.Count == 0 ? -1 : probes.Max(p => p.PeekMs)):0} ms{(inSecond.Max(s => s.ProbeOutstandingMs) > 0 ? string.Create(CultureInfo.InvariantCulture, $" (out {inSecond.Max(s => s.ProbeOutstandingMs):0} ms)") : "")}, msgs {(probes.Count == 0 ? -1 : probes[^1].Messages)}");
    }

    /// <summary>The last sample before second <paramref name="second"/> (the base of its differences), if any.</summary>
    public HealthSample? LastBefore(int second) => _samples.LastOrDefault(sample => (int)(sample.AtMs / 1000) < second);

    private async Task ProbeAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            var propertiesMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await queue.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false);
            var peekMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Volatile.Write(ref _lastProbe, new ProbeResult(_clock.NowMs, propertiesMs, peekMs, properties.Value.ApproximateMessagesCount));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}

/// <summary>One Azurite probe: when it ended, how long each call took, the queue's message count.</summary>
public sealed record ProbeResult(double AtMs, double PropertiesMs, double PeekMs, int Messages);

/// <summary>One 250 ms sample of <see cref="HealthSampler"/>.</summary>
public sealed record HealthSample(
    double AtMs,
    int Threads,
    long QueuedWorkItems,
    long CompletedWorkItems,
    int Gen0,
    int Gen2,
    double GcPauseMs,
    long LockContentions,
    double TimerLagMs,
    double CpuMs,
    ProbeResult Probe,
    double ProbeOutstandingMs);
