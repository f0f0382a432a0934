namespace RoezanGhl.Engine.Reconciliation;

/// <summary>What became of one poison-queue message.</summary>
public enum PoisonReplayAction
{
    /// <summary>Back on the events queue, its ledger entry reopened (attempts and last error kept).</summary>
    Moved,

    /// <summary>A dry run: it would have been moved.</summary>
    WouldMove,

    /// <summary>Its event was applied or skipped meanwhile: the poison copy was deleted, nothing queued.</summary>
    AlreadyDone,

    /// <summary>
    /// Re-driven as often as allowed (<see cref="PoisonReplayFilter.MaxReDrives"/>) and failed each time: recorded as
    /// Failed, notified once, and left in the poison queue for a person (who can still replay it by id).
    /// </summary>
    GivenUp,

    /// <summary>Not a readable queued event: left in the poison queue for a person.</summary>
    Unreadable,
}
