using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>A delivery of a note event for one GHL location, as admission sees it (no ledger, no queue).</summary>
internal static class AdmissionDeliveries
{
    public static EventDelivery For(string eventId, string locationId, SyncDirection? direction = null)
    {
        var queued = new QueuedRoezanEvent
        {
            AccountId = "acct-" + locationId,
            AcceptedAt = DateTimeOffset.UnixEpoch,
            Event = new RoezanEvent { Id = eventId, Type = RoezanEventTypes.NoteCreated, OccurredAt = DateTimeOffset.UnixEpoch },
            Source = direction?.Source,
            Target = direction?.Target,
        };
        return new EventDelivery(queued, eventId, BinaryData.FromString("{}"), 1, isLastAttempt: false)
        {
            Account = new RoezanAccountOptions { GhlLocationId = locationId },
        };
    }
}
