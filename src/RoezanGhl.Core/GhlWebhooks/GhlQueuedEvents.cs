using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Wraps a <see cref="QueuedGhlChange"/> in the queue's one message type, so that the engine (ledger, leases,
/// requeue, re-drive) carries it like any event: <see cref="QueuedRoezanEvent.Event"/> holds only what the engine
/// reads of every event (id, type, when, account), the change itself rides in <see cref="QueuedRoezanEvent.Ghl"/>.
/// A Roezan message is untouched by this (it has no <c>ghl</c>, <c>source</c> or <c>target</c>).
/// </summary>
public static class GhlQueuedEvents
{
    /// <summary>The ledger's event id of a GHL change: <c>ghl:</c> and the delivery's webhook id, apart from Roezan's ids.</summary>
    public static string EventId(string webhookId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        return "ghl:" + webhookId;
    }

    public static QueuedRoezanEvent Envelope(string accountId, QueuedGhlChange change, DateTimeOffset sentAt, DateTimeOffset acceptedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(change);
        return new QueuedRoezanEvent
        {
            AccountId = accountId,
            AcceptedAt = acceptedAt,
            Source = SyncSystem.Ghl,
            Target = SyncSystem.Roezan,
            Event = new RoezanEvent
            {
                Id = EventId(change.WebhookId ?? throw new ArgumentException("The change has no webhook id.", nameof(change))),
                Type = change.Type,
                OccurredAt = change.ChangedAt(sentAt),
                AccountId = accountId,
            },
            Ghl = change,
        };
    }
}
