using RoezanGhl.Core.Sync;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>How one delivery of a queued event ended: what <see cref="EventProcessor.ProcessAsync"/> returns and every <see cref="IEventOutcomeObserver"/> hears.</summary>
public sealed record EventOutcome
{
    public required string EventId { get; init; }

    public required string AccountId { get; init; }

    public required SyncDirection Direction { get; init; }

    public required EventOutcomeKind Kind { get; init; }

    /// <summary>The event's ledger status after this delivery.</summary>
    public required EventLedgerStatus Status { get; init; }

    /// <summary>Set when a copy went back on the queue: after how long it is due.</summary>
    public TimeSpan? RequeuedAfter { get; init; }

    /// <summary>The reason for a skip, wait, failure or conflict; the outcome line of an apply.</summary>
    public string? Reason { get; init; }

    /// <summary>Target calls this delivery made through the plan's steps.</summary>
    public int StepsRun { get; init; }

    /// <summary>From the message's arrival at the processor to its outcome.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The host's dequeue count of this delivery (1 for the first).</summary>
    public long DequeueCount { get; init; }

    /// <summary>For <see cref="EventOutcomeKind.Retried"/> and <see cref="EventOutcomeKind.GivenUp"/>: what the delivery threw.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True when the event is done with: applied, skipped, failed, in conflict, final before, or given up.</summary>
    public bool IsSettled => Kind is not (EventOutcomeKind.Waiting or EventOutcomeKind.Requeued or EventOutcomeKind.Retried);
}
