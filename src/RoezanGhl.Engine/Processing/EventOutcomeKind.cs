namespace RoezanGhl.Engine.Processing;

/// <summary>How one delivery of a queued event ended, as <see cref="IEventOutcomeObserver"/>s and the outcomes counter see it.</summary>
public enum EventOutcomeKind
{
    /// <summary>Applied to the target (ledger status Applied).</summary>
    Applied,

    /// <summary>Deliberately not applied: stale, nothing to change, a flow turned off (Skipped).</summary>
    Skipped,

    /// <summary>Refused for good or not applicable (Failed); people are notified.</summary>
    Failed,

    /// <summary>The target did not keep what was sent (Conflict); people are notified.</summary>
    Conflict,

    /// <summary>Parked and back on the queue after a delay: a contact not linked yet, a location that needs attention (Waiting).</summary>
    Waiting,

    /// <summary>Back on the queue after a delay: rate limited, or waiting for another event's lease or delivery (Queued).</summary>
    Requeued,

    /// <summary>Final before this delivery: the message was completed without work.</summary>
    AlreadyDone,

    /// <summary>Failed in a way the host retries (the delivery threw).</summary>
    Retried,

    /// <summary>Failed on the host's last allowed attempt: recorded as Failed, the message goes to the poison queue.</summary>
    GivenUp,
}
