using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Intake;

/// <summary>What the ledger records of a Roezan event when the door claims its id: id, type, when it happened, and the Roezan contact it is about.</summary>
internal static class RoezanLedgerIntake
{
    public static LedgerIntake Of(string accountId, RoezanEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return new LedgerIntake
        {
            AccountId = accountId,
            EventId = evt.Id ?? throw new ArgumentException("The event has no id.", nameof(evt)),
            Type = evt.Type,
            SourceContactId = evt.Data?.Contact?.Id ?? evt.Data?.Message?.ContactId ?? evt.Data?.Task?.ContactId ?? evt.Data?.Note?.ContactId,
            OccurredAt = evt.OccurredAt,
            Direction = SyncDirection.RoezanToGhl,
        };
    }
}
