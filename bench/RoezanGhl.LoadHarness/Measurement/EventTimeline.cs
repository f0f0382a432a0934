using System.Collections.Concurrent;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>Per event of a run: accepted and settled times, thread-safe; tells when every accepted event has settled.</summary>
public sealed class EventTimeline
{
    private readonly ConcurrentDictionary<string, EventTiming> _events = new(StringComparer.Ordinal);
    private readonly RunClock _clock;
    private int _accepted;
    private int _settled;
    private int _rejected;

    public EventTimeline(IEnumerable<ScriptedEvent> script, RunClock clock)
    {
        ArgumentNullException.ThrowIfNull(script);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        foreach (var scripted in script)
        {
            _events[scripted.EventId] = new EventTiming(scripted);
        }
    }

    public RunClock Clock => _clock;

    public IReadOnlyCollection<EventTiming> Events => [.. _events.Values.OrderBy(e => e.Scripted.OffsetMs)];

    public int Accepted => Volatile.Read(ref _accepted);

    public int Settled => Volatile.Read(ref _settled);

    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Every event that got in has settled (the drain is over).</summary>
    public bool AllSettled => Settled >= Accepted;

    public void MarkAccepted(string eventId)
    {
        var timing = Find(eventId);
        lock (timing)
        {
            if (timing.AcceptedMs is not null)
            {
                return;
            }

            timing.AcceptedMs = _clock.NowMs;
        }

        Interlocked.Increment(ref _accepted);
    }

    /// <summary>The event never got in (the webhook refused it): it counts as lost.</summary>
    public void MarkRejected(string eventId, string why)
    {
        var timing = Find(eventId);
        lock (timing)
        {
            timing.Outcome = "not accepted: " + why;
        }

        Interlocked.Increment(ref _rejected);
    }

    /// <summary>
    /// The first final word on an event counts; later ones (a re-delivery finding it done) are ignored. It may
    /// come a moment before the webhook's answer is back (the processor can finish while the webhook marks
    /// the ledger row queued).
    /// </summary>
    public void MarkSettled(string eventId, string outcome)
    {
        var timing = Find(eventId);
        lock (timing)
        {
            if (timing.SettledMs is not null)
            {
                return;
            }

            timing.SettledMs = _clock.NowMs;
            timing.Outcome = outcome;
        }

        Interlocked.Increment(ref _settled);
    }

    private EventTiming Find(string eventId) =>
        _events.TryGetValue(eventId, out var timing) ? timing : throw new InvalidOperationException($"Event {eventId} is not in the script.");
}
