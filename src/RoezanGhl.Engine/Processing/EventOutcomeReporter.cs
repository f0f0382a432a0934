using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Tells each delivery's <see cref="EventOutcome"/> to the registered <see cref="IEventOutcomeObserver"/>s and counts
/// it on the <see cref="MeterName"/> meter (<see cref="OutcomesCounterName"/>, tagged with the outcome, the source and
/// the target), so that metrics and traces can be built on one place.
/// </summary>
public sealed class EventOutcomeReporter
{
    /// <summary>The engine's meter.</summary>
    public const string MeterName = "RoezanGhl.Engine";

    /// <summary>Deliveries of queued events by outcome (<c>outcome</c> tag: applied, skipped, failed, conflict, waiting, requeued, already_done, retried, given_up, unreadable).</summary>
    public const string OutcomesCounterName = "roezanghl.events.processed";

    /// <summary>How long a message waited in the queue: dequeue time minus its insertion time.</summary>
    public const string QueueAgeName = "roezanghl.queue.age";

    private readonly IEventOutcomeObserver[] _observers;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _queueAge;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventOutcomeReporter(IEnumerable<IEventOutcomeObserver> observers, IMeterFactory meters, TimeProvider time, ILogger<EventOutcomeReporter> logger)
    {
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(meters);
        _observers = [.. observers];
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>(OutcomesCounterName, "{delivery}", "Deliveries of queued events, by how they ended.");
        _queueAge = meter.CreateHistogram<double>(QueueAgeName, "s", "How long a message waited in the events queue before this delivery.");
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The moment a delivery starts, for <see cref="Report"/>'s elapsed time.</summary>
    public long Start() => _time.GetTimestamp();

    /// <summary>Counts <paramref name="outcome"/> and tells every observer; returns it with its elapsed time since <paramref name="started"/>.</summary>
    public EventOutcome Report(EventOutcome outcome, long started)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        outcome = outcome with { Elapsed = _time.GetElapsedTime(started) };
        Count(TagOf(outcome.Kind), outcome.Direction);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnOutcome(outcome);
            }
            catch (Exception exception)
            {
                // An observer's fault must not make the host retry an event that was handled.
                SyncLog.ObserverFailed(_logger, exception, observer.GetType().Name, outcome.EventId);
            }
        }

        return outcome;
    }

    /// <summary>Records the queue age of a delivery whose message was inserted at <paramref name="enqueuedAt"/> (nothing when unknown).</summary>
    public void ReportQueueAge(DateTimeOffset? enqueuedAt)
    {
        if (enqueuedAt is { } inserted)
        {
            _queueAge.Record(Math.Max(0, (_time.GetUtcNow() - inserted).TotalSeconds));
        }
    }

    /// <summary>Counts a message that is no queued event (it goes to the poison queue; there is no event to tell observers about).</summary>
    public void ReportUnreadable() => Count("unreadable", null);

    private void Count(string outcome, SyncDirection? direction) =>
        _outcomes.Add(
            1,
            new KeyValuePair<string, object?>("outcome", outcome),
            new KeyValuePair<string, object?>("source", direction is null ? null : SyncDirection.Name(direction.Source)),
            new KeyValuePair<string, object?>("target", direction is null ? null : SyncDirection.Name(direction.Target)));

    private static string TagOf(EventOutcomeKind kind) => kind switch
    {
        EventOutcomeKind.AlreadyDone => "already_done",
        EventOutcomeKind.GivenUp => "given_up",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
