using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// What the ledger records of a GHL change when it is claimed: <c>ghl:{webhookId}</c> in the account's partition
/// (the account the location maps to), the direction GHL → Roezan, the GHL contact, and when GHL made the change.
/// </summary>
internal static class GhlLedgerIntake
{
    public static LedgerIntake Of(QueuedRoezanEvent queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var change = queued.Ghl ?? throw new ArgumentException("The queued event carries no GHL change.", nameof(queued));
        return new LedgerIntake
        {
            AccountId = queued.AccountId,
            EventId = queued.Event.Id ?? throw new ArgumentException("The queued event has no id.", nameof(queued)),
            Type = change.Type,
            SourceContactId = change.ContactId,
            OccurredAt = queued.Event.OccurredAt,
            Direction = SyncDirection.GhlToRoezan,
        };
    }
}
