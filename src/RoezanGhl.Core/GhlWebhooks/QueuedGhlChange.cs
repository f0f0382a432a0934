using System.Text.Json.Serialization;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// A change made in GHL, as it travels on the events queue inside a <see cref="Events.QueuedRoezanEvent"/>
/// (member <c>ghl</c>, with <c>source: ghl</c>, <c>target: roezan</c>). Whoever found the change fills it the
/// same way: the webhook door from a delivery, reconciliation from a contact read through GHL's API
/// (<see cref="Origin"/> says which). Exactly one of <see cref="Contact"/>, <see cref="Note"/>,
/// <see cref="Task"/>, <see cref="Appointment"/> and <see cref="Reply"/> (a reply from GHL's inbox, <see cref="FromProviderMessage"/>) is set.
/// </summary>
public sealed class QueuedGhlChange
{
    /// <summary>Brought by a GHL webhook delivery.</summary>
    public const string WebhookOrigin = "webhook";

    /// <summary>Found by reconciliation (a contact GHL changed whose webhook never came).</summary>
    public const string ReconcileOrigin = "reconcile";

    /// <summary>HighLevel's event name (<c>ContactUpdate</c>); reconciliation writes <c>ContactUpdate</c>.</summary>
    public string? Type { get; init; }

    public string? LocationId { get; init; }

    /// <summary>The delivery's id (the dedupe key); for a reconciled change, an id made from the contact and its update time.</summary>
    public string? WebhookId { get; init; }

    /// <summary><see cref="WebhookOrigin"/> or <see cref="ReconcileOrigin"/>.</summary>
    public string? Origin { get; init; }

    public GhlContactEvent? Contact { get; init; }

    public GhlNoteEvent? Note { get; init; }

    public GhlTaskEvent? Task { get; init; }

    /// <summary>A message a GHL user typed with our conversation provider as the channel, to send through Roezan.</summary>
    public GhlProviderOutboundMessage? Reply { get; init; }

    /// <summary>AppointmentCreate/Update/Delete: not synced to Roezan, queued for the SMS automations (confirmations, reminders).</summary>
    public GhlAppointmentEvent? Appointment { get; init; }

    [JsonIgnore]
    public GhlWebhookEventKind Kind => GhlWebhookEventTypes.KindOf(Type);

    /// <summary>The GHL contact the change is about.</summary>
    [JsonIgnore]
    public string? ContactId => Contact?.Id ?? Note?.ContactId ?? Task?.ContactId ?? Appointment?.Appointment?.ContactId ?? Reply?.ContactId;

    /// <summary>
    /// When the change happened in GHL, by its own clock: the contact's <c>dateUpdated</c>, a new contact's, note's or
    /// task's <c>dateAdded</c>, else when HighLevel sent it. Orders changes of one contact. GHL's documented
    /// ContactUpdate/TagUpdate/DndUpdate payloads carry <c>dateAdded</c> but no <c>dateUpdated</c>: the creation date
    /// would make every later change look as old as the contact (stale, and the loser of every conflict), so for
    /// them the webhook's own <c>timestamp</c> is the change's time.
    /// </summary>
    public DateTimeOffset? ChangedAt(DateTimeOffset? sentAt) =>
        Contact?.DateUpdated
        ?? (Kind == GhlWebhookEventKind.ContactCreate ? Contact?.DateAdded : null)
        ?? Note?.DateAdded ?? Task?.DateAdded ?? sentAt ?? Contact?.DateAdded;

    /// <summary>The <see cref="Type"/> of a reply typed in GHL's inbox (the payload's own <c>type</c> is the channel).</summary>
    public const string ProviderOutboundMessageType = "ProviderOutboundMessage";

    /// <summary>
    /// A reply typed in GHL's inbox (ProviderOutboundMessage), keyed by GHL's message id: its documented payload has
    /// no <c>webhookId</c>, and one message is sent once whichever delivery brings it.
    /// </summary>
    public static QueuedGhlChange FromProviderMessage(GhlProviderOutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId);
        return new QueuedGhlChange
        {
            Type = ProviderOutboundMessageType,
            LocationId = message.LocationId,
            WebhookId = "reply-" + message.MessageId,
            Origin = WebhookOrigin,
            Reply = message,
        };
    }

    /// <summary>The change a webhook delivery carries; null for a kind the sync does not apply.</summary>
    public static QueuedGhlChange? FromWebhook(GhlWebhookEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!GhlWebhookEventTypes.IsApplied(evt.Kind))
        {
            return null;
        }

        return new QueuedGhlChange
        {
            Type = evt.Type,
            LocationId = evt.LocationId,
            WebhookId = evt.WebhookId,
            Origin = WebhookOrigin,
            Contact = evt as GhlContactEvent,
            Note = evt as GhlNoteEvent,
            Task = evt as GhlTaskEvent,
            Appointment = evt as GhlAppointmentEvent,
        };
    }
}
