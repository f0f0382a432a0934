namespace RoezanGhl.Storage.Ledger;

/// <summary>The result of <see cref="EventLedger.ClaimAsync"/>: the row as it now stands (with its ETag).</summary>
public sealed class EventLedgerClaim
{
    public EventLedgerClaim(EventLedgerClaimOutcome outcome, EventLedgerEntry entry, TimeSpan retryAfter = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Outcome = outcome;
        Entry = entry;
        RetryAfter = retryAfter;
    }

    public EventLedgerClaimOutcome Outcome { get; }

    public EventLedgerEntry Entry { get; }

    /// <summary>For <see cref="EventLedgerClaimOutcome.InFlight"/>: when the other claim goes stale.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>The caller holds the row and must enqueue, then <see cref="EventLedger.MarkQueuedAsync"/> or <see cref="EventLedger.ReleaseAsync"/>.</summary>
    public bool IsHeld => Outcome is EventLedgerClaimOutcome.Claimed or EventLedgerClaimOutcome.TakenOver;
}
