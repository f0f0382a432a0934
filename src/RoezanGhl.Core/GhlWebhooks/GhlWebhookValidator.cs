namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The rules of ghl-webhook.schema.json (and ghl-provider-outbound-message.schema.json), in code: required
/// members per type, lengths and counts, item shapes. Every failing field is reported by JSON pointer, not
/// just the first. It asks only for what the sync needs, because GHL never resends a refused delivery.
/// </summary>
public static class GhlWebhookValidator
{
    public const string Required = "is required";

    public static IReadOnlyList<GhlFieldError> Validate(GhlWebhookEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var errors = new GhlFieldErrorList();
        if (evt is GhlProviderOutboundMessage message)
        {
            ProviderMessage(errors, message);
            return errors.Errors;
        }

        // Every delivery to the door, whatever its type: the signed replay-protection members.
        errors.Required(evt.Type, GhlContractLimits.TypeLength, "/type");
        errors.Required(evt.WebhookId, GhlContractLimits.IdLength, "/webhookId");
        errors.Required(evt.Timestamp, "/timestamp");

        // An unrecognized type is acknowledged without being read: it may be agency-level and carry no location.
        if (evt.Kind == GhlWebhookEventKind.Unrecognized)
        {
            errors.Bounded(evt.LocationId, GhlContractLimits.IdLength, "/locationId");
            return errors.Errors;
        }

        errors.Required(evt.LocationId, GhlContractLimits.IdLength, "/locationId");
        switch (evt)
        {
            case GhlContactEvent contact:
                GhlContactRules.Check(errors, contact);
                break;
            case GhlNoteEvent note:
                errors.Required(note.Id, GhlContractLimits.IdLength, "/id");
                errors.Required(note.ContactId, GhlContractLimits.IdLength, "/contactId");
                errors.Bounded(note.Body, GhlContractLimits.TextLength, "/body");
                break;
            case GhlTaskEvent task:
                errors.Required(task.Id, GhlContractLimits.IdLength, "/id");
                errors.Bounded(task.ContactId, GhlContractLimits.IdLength, "/contactId");
                errors.Bounded(task.Title, GhlContractLimits.TitleLength, "/title");
                errors.Bounded(task.Body, GhlContractLimits.TextLength, "/body");
                errors.Bounded(task.AssignedTo, GhlContractLimits.IdLength, "/assignedTo");
                break;
            case GhlAppointmentEvent { Appointment: null }:
                errors.Add("/appointment", Required);
                break;
            case GhlAppointmentEvent { Appointment: { } appointment }:
                Appointment(errors, appointment);
                break;
        }

        return errors.Errors;
    }

    private static void Appointment(GhlFieldErrorList errors, GhlAppointment appointment)
    {
        errors.Required(appointment.Id, GhlContractLimits.IdLength, "/appointment/id");
        errors.Bounded(appointment.CalendarId, GhlContractLimits.IdLength, "/appointment/calendarId");
        errors.Bounded(appointment.ContactId, GhlContractLimits.IdLength, "/appointment/contactId");
        errors.Bounded(appointment.AssignedUserId, GhlContractLimits.IdLength, "/appointment/assignedUserId");
        errors.Bounded(appointment.Title, GhlContractLimits.TitleLength, "/appointment/title");
        errors.Bounded(appointment.AppointmentStatus, GhlContractLimits.StatusLength, "/appointment/appointmentStatus");
    }

    /// <summary>
    /// The Delivery URL's body: no event name and, as documented, no webhookId or timestamp (checked when
    /// present); the message id is what makes it unique.
    /// </summary>
    private static void ProviderMessage(GhlFieldErrorList errors, GhlProviderOutboundMessage message)
    {
        errors.Required(message.Type, GhlContractLimits.TypeLength, "/type");
        errors.Required(message.LocationId, GhlContractLimits.IdLength, "/locationId");
        errors.Required(message.ContactId, GhlContractLimits.IdLength, "/contactId");
        errors.Required(message.MessageId, GhlContractLimits.IdLength, "/messageId");
        errors.Bounded(message.WebhookId, GhlContractLimits.IdLength, "/webhookId");
        errors.Bounded(message.EmailMessageId, GhlContractLimits.IdLength, "/emailMessageId");
        errors.Bounded(message.UserId, GhlContractLimits.IdLength, "/userId");
        errors.Bounded(message.Phone, GhlContractLimits.PhoneLength, "/phone");
        errors.Bounded(message.Message, GhlContractLimits.TextLength, "/message");
        errors.Strings(message.Attachments, GhlContractLimits.AttachmentCount, GhlContractLimits.UrlLength, "/attachments");
    }
}
