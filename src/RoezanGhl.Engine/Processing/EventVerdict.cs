using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// What should become of a delivery, as an applier (or the coordinator) decided it: the <see cref="EventFinisher"/>
/// carries it out. Deciding and recording are apart so that an applier never calls back into the coordinator.
/// </summary>
public sealed record EventVerdict
{
    public required EventVerdictKind Kind { get; init; }

    /// <summary>The ledger status to record: the final one, or Queued / Waiting for a requeue.</summary>
    public EventLedgerStatus Status { get; init; }

    /// <summary>Why: a skip, wait or failure reason (recorded as LastError unless applied).</summary>
    public string? Reason { get; init; }

    /// <summary>The target's trace id of the call behind a failure or conflict.</summary>
    public string? TraceId { get; init; }

    /// <summary>The one line operators read for an applied event or a conflict; otherwise the status and reason.</summary>
    public string? Outcome { get; init; }

    /// <summary>The target contact the event was applied to, when the applier knows it.</summary>
    public string? TargetContactId { get; init; }

    /// <summary>For a requeue or put-back: after how long the copy is due.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// For a requeue: false when the run may have left a create in doubt, so that the next attempt looks objects up
    /// before creating them (see <see cref="EventLedgerEntry.CleanStop"/>).
    /// </summary>
    public bool CleanStop { get; init; } = true;

    /// <summary>For a requeue: tell people too (a location that needs attention). Failures and conflicts always do.</summary>
    public bool Notify { get; init; }

    public static EventVerdict AlreadyDone { get; } = new() { Kind = EventVerdictKind.AlreadyDone };

    /// <summary>A final status: Applied, Skipped, Failed or Conflict.</summary>
    public static EventVerdict Final(EventLedgerStatus status, string? reason, string? traceId = null, string? outcome = null, string? targetContactId = null)
    {
        if (status is not (EventLedgerStatus.Applied or EventLedgerStatus.Skipped or EventLedgerStatus.Failed or EventLedgerStatus.Conflict))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A final status is Applied, Skipped, Failed or Conflict.");
        }

        return new() { Kind = EventVerdictKind.Final, Status = status, Reason = reason, TraceId = traceId, Outcome = outcome, TargetContactId = targetContactId };
    }

    /// <summary>Back on the queue after <paramref name="delay"/>, recorded as <paramref name="status"/> (Queued or Waiting) with <paramref name="reason"/>.</summary>
    public static EventVerdict Requeue(EventLedgerStatus status, TimeSpan delay, string reason, bool cleanStop = true, bool notify = false, string? traceId = null) =>
        new() { Kind = EventVerdictKind.Requeue, Status = status, Delay = delay, Reason = reason, CleanStop = cleanStop, Notify = notify, TraceId = traceId };

    /// <summary>Back on the queue after <paramref name="delay"/>, the ledger untouched: another delivery holds the event.</summary>
    public static EventVerdict PutBack(TimeSpan delay, string reason) =>
        new() { Kind = EventVerdictKind.PutBack, Delay = delay, Reason = reason };
}
