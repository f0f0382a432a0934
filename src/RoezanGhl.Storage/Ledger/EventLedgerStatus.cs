namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Where one Roezan event is in its life. The webhook writes <see cref="Received"/> (a claim while it
/// enqueues) and <see cref="Queued"/>; the processor moves it on. Stored by name in Table storage, so new
/// members go at the end and names never change.
/// </summary>
public enum EventLedgerStatus
{
    /// <summary>The webhook claimed the event id and is putting it on the queue (see <see cref="EventLedgerEntry.ClaimedAt"/>).</summary>
    Received,

    /// <summary>On the events queue, waiting for the processor.</summary>
    Queued,

    /// <summary>The processor is applying it to GHL.</summary>
    Processing,

    /// <summary>Applied to GHL.</summary>
    Applied,

    /// <summary>Deliberately not applied (stale update, nothing to change).</summary>
    Skipped,

    /// <summary>GHL refused it for good (validation); <see cref="EventLedgerEntry.LastError"/> says why.</summary>
    Failed,

    /// <summary>It disagrees with what GHL holds and needs a decision.</summary>
    Conflict,

    /// <summary>Parked until something else happens (a location needing attention, an earlier event).</summary>
    Waiting,
}
