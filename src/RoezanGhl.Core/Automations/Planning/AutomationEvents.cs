using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>Builds <see cref="AutomationEvent"/>s from what the app receives. Pure: the caller supplies what it stored (the tags before).</summary>
public static class AutomationEvents
{
    /// <summary>
    /// The automation event of a GHL webhook, or null for one no automation listens to (or one missing the contact,
    /// appointment or task it needs). <paramref name="previousTags"/> is the contact's tag list before this event, from
    /// the caller's snapshot; for ContactTagUpdate without it, nothing counts as added (we would rather miss a campaign
    /// text than send one for a tag the contact has had for years).
    /// </summary>
    /// <param name="receivedAt">When the webhook arrived: the event's time when HighLevel gave none.</param>
    public static AutomationEvent? FromGhl(GhlWebhookEvent webhook, IReadOnlyCollection<string>? previousTags, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var at = webhook.Timestamp ?? receivedAt;
        switch (webhook)
        {
            case GhlContactEvent { Id: { Length: > 0 } contactId } when webhook.Kind == GhlWebhookEventKind.ContactCreate:
                return new AutomationEvent { Kind = AutomationEventKind.ContactCreated, ContactId = contactId, OccurredAt = at, WebhookId = webhook.WebhookId };
            case GhlContactEvent { Id: { Length: > 0 } contactId } contact when webhook.Kind == GhlWebhookEventKind.ContactTagUpdate:
                var now = (contact.Tags ?? []).Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag!.Trim());
                var before = new HashSet<string>((previousTags ?? []).Select(tag => tag.Trim()), StringComparer.OrdinalIgnoreCase);
                return new AutomationEvent
                {
                    Kind = AutomationEventKind.ContactTagsChanged,
                    ContactId = contactId,
                    OccurredAt = at,
                    WebhookId = webhook.WebhookId,
                    AddedTags = previousTags is null ? [] : now.Where(tag => !before.Contains(tag)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    PreviousTagsUnknown = previousTags is null,
                };
            case GhlAppointmentEvent { Appointment: { } raw } when GhlWebhookEventTypes.IsAppointment(webhook.Kind):
                if (AutomationAppointment.FromGhl(raw) is not { } appointment || string.IsNullOrEmpty(raw.ContactId))
                {
                    return null;
                }

                var kind = webhook.Kind == GhlWebhookEventKind.AppointmentDelete || appointment.IsCancelled
                    ? AutomationEventKind.AppointmentCancelled
                    : webhook.Kind == GhlWebhookEventKind.AppointmentCreate ? AutomationEventKind.AppointmentCreated : AutomationEventKind.AppointmentUpdated;
                return new AutomationEvent { Kind = kind, ContactId = raw.ContactId, OccurredAt = at, WebhookId = webhook.WebhookId, Appointment = appointment };
            case GhlTaskEvent { ContactId: { Length: > 0 } contactId } task when webhook.Kind == GhlWebhookEventKind.TaskCreate:
                return AutomationTask.FromGhl(task) is { } created
                    ? new AutomationEvent { Kind = AutomationEventKind.TaskCreated, ContactId = contactId, OccurredAt = at, WebhookId = webhook.WebhookId, Task = created }
                    : null;
            default:
                return null;
        }
    }

    /// <summary>A Roezan inbound message from the GHL contact <paramref name="contactId"/> (the caller resolves the link).</summary>
    public static AutomationEvent FromInboundMessage(AutomationMessage message, string contactId) =>
        Message(AutomationEventKind.InboundMessage, message, contactId);

    /// <summary>A text sent to the GHL contact <paramref name="contactId"/> through Roezan: starts missed-reply waits.</summary>
    public static AutomationEvent FromOutboundMessage(AutomationMessage message, string contactId) =>
        Message(AutomationEventKind.OutboundMessage, message, contactId);

    private static AutomationEvent Message(AutomationEventKind kind, AutomationMessage message, string contactId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        return new AutomationEvent { Kind = kind, ContactId = contactId, OccurredAt = message.At, Message = message };
    }
}
