using System.Text.Json.Serialization;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// A change made in GHL, as it travels on the events queue inside a <see cref="Events.QueuedRoezanEvent"/>
/// (member <c>ghl</c>, with <c>source: ghl</c>, <c>target: roezan</c>). Whoever found the change fills it the
/// same way: the webhook door from a delivery, reconciliation from a contact read through GHL's API
/// (<see cref="Origin"/> says which). Exactly one of <see cref="Contact"/>, <see cref="Note"/>,
/// <see cref="Task"/> and <see cref="Appointment"/> is set.
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

    /// <summary>AppointmentCreate/Update/Delete: not synced to Roezan, queued for the SMS automations (confirmations, reminders).</summary>
    public GhlAppointmentEvent? Appointment { get; init; }

    [JsonIgnore]
    public GhlWebhookEventKind Kind => GhlWebhookEventTypes.KindOf(Type);

    /// <summary>The GHL contact the change is about.</summary>
    [JsonIgnore]
    public string? ContactId => Contact?.Id ?? Note?.ContactId ?? Task?.ContactId ?? Appointment?.Appointment?.ContactId;

    /// <summary>
    /// When the change happened in GHL, by its own clock: the contact's <c>dateUpdated</c> (else <c>dateAdded</c>),
    /// a note's or task's <c>dateAdded</c>, else when HighLevel sent it. Orders changes of one contact.
    /// </summary>
    public DateTimeOffset? ChangedAt(DateTimeOffset? sentAt) =>
        Contact?.DateUpdated ?? Contact?.DateAdded ?? Note?.DateAdded ?? Task?.DateAdded ?? sentAt;

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
