using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// A second-by-second trace of pacing, for the run's log (not a figure of the report): the events queue's messages
/// (all, and how many of them are visible now, up to 32), and per location the deliveries applied and put back, the
/// calls waiting in the rate limiter and the permits left in its window, beside the requests GHL counted. Tells
/// whether a window with few requests had its work hidden on the queue (visible 0) or could not process it.
/// </summary>
public sealed class PacingTrace : IEventOutcomeObserver
{
    private readonly ConcurrentDictionary<(int Second, string Account, string Kind), int> _outcomes = new();
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly RunClock _clock;

    public PacingTrace(RunClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public void OnOutcome(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var kind = outcome.Kind switch
        {
            EventOutcomeKind.Requeued when outcome.Reason?.Contains("share of", StringComparison.Ordinal) == true => "share",
            EventOutcomeKind.Requeued when outcome.Reason?.Contains("no permit", StringComparison.Ordinal) == true => "permit",
            EventOutcomeKind.Requeued => "other",
            _ when outcome.IsSettled => "done",
            _ => "retry",
        };
        _outcomes.AddOrUpdate(((int)(_clock.NowMs / 1000), outcome.AccountId, kind), 1, static (_, n) => n + 1);
    }

    /// <summary>Samples the queue and the limiter once a second until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task SampleAsync(QueueClient queue, GhlRateLimiter limiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(limiter);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var second = (int)(_clock.NowMs / 1000);
                var properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                var visible = await queue.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false);
                _samples.Enqueue(new Sample(second, properties.Value.ApproximateMessagesCount, visible.Value.Length, limiter.GetBudgets()));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>
    /// One line a second: "t=12 queue 812 (visible 32+) | loc-a ghl 10 done 8 back 1/0 wait 3 left 0 | ...", and with
    /// <paramref name="health"/> the process's health in that second beside it ("health: ..."), marked STUCK when
    /// nothing was delivered in a second while messages were on the queue. A second whose queue sample is missing (the
    /// sampler's own Azurite calls were slow) still gets its health line.
    /// </summary>
    public IEnumerable<string> Describe(CountersSnapshot counters, IReadOnlyDictionary<string, string> accountByLocation, HealthSampler? health = null)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(accountByLocation);
        var bySecond = _samples.GroupBy(sample => sample.Second).ToDictionary(group => group.Key, group => group.First());
        var lastSecond = Math.Max(bySecond.Count == 0 ? -1 : bySecond.Keys.Max(), health?.Samples.Count > 0 ? (int)(health.Samples.Max(sample => sample.AtMs) / 1000) : -1);
        for (var second = 0; second <= lastSecond; second++)
        {
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"t={second}"));
            if (bySecond.TryGetValue(second, out var sample))
            {
                line.Append(CultureInfo.InvariantCulture, $" queue {sample.Messages} (visible {(sample.Visible >= 32 ? "32+" : sample.Visible.ToString(CultureInfo.InvariantCulture))})");
            }
            else
            {
                line.Append(" queue (no sample)");
            }

            var delivered = 0;
            foreach (var (location, account) in accountByLocation)
            {
                var ghl = counters.Timelines.GetValueOrDefault(location)?.Count(entry => entry.Status is not (0 or 429) && entry.AtMs / 1000 == second) ?? 0;
                var budget = sample?.Budgets.FirstOrDefault(b => b.LocationId == location);
                delivered += Count(second, account, "done") + Count(second, account, "share") + Count(second, account, "permit") + Count(second, account, "other");
                line.Append(CultureInfo.InvariantCulture, $" | {location[^1..]} ghl {ghl} done {Count(second, account, "done")} back {Count(second, account, "share")}/{Count(second, account, "permit")} wait {budget?.Waiting ?? 0} left {budget?.RemainingInWindow ?? 100}");
            }

            if (health?.Describe(second, health.LastBefore(second)) is { } healthLine)
            {
                var stuck = delivered == 0 && (sample?.Messages ?? 1) > 0 ? " STUCK" : "";
                line.Append(CultureInfo.InvariantCulture, $" || health{stuck}: {healthLine}");
            }

            yield return line.ToString();
        }
    }

    private int Count(int second, string account, string kind) => _outcomes.GetValueOrDefault((second, account, kind));

    private sealed record Sample(int Second, int Messages, int Visible, IReadOnlyList<GhlRateLimitBudget> Budgets);
}
