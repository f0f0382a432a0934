namespace RoezanGhl.Storage.Ledger;

/// <summary>What <see cref="EventLedger.ClaimAsync"/> found for an event id.</summary>
public enum EventLedgerClaimOutcome
{
    /// <summary>First sight of the event id: the caller holds the new row and must enqueue.</summary>
    Claimed,

    /// <summary>A row was Received with a stale or released claim; the caller now holds it and must enqueue.</summary>
    TakenOver,

    /// <summary>The event was queued (or processed) before: nothing to do.</summary>
    Duplicate,

    /// <summary>Another delivery holds a fresh claim and is enqueuing right now.</summary>
    InFlight,
}
