using RoezanGhl.Engine.Processing;
using RoezanGhl.LoadHarness.Measurement;

namespace RoezanGhl.LoadHarness.Ours;

/// <summary>
/// Tells the run's timeline when a delivery ended an event (applied, skipped, failed, conflict, already done, or given
/// up to the poison queue): the "applied" end of the end-to-end latency. A delivery that put the event back on the
/// queue, or threw for the host to retry, is not an end.
/// </summary>
internal sealed class TimelineOutcomeObserver(EventTimeline timeline) : IEventOutcomeObserver
{
    public void OnOutcome(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsSettled)
        {
            return;
        }

        timeline.MarkSettled(outcome.EventId, outcome.Kind == EventOutcomeKind.GivenUp
            ? $"Poisoned: {outcome.Exception?.GetType().Name}"
            : outcome.Status.ToString());
    }
}
