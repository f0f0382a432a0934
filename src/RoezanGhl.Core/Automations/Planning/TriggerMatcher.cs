using NodaTime;
using RoezanGhl.Core.Automations.Timing;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>Whether an automation's trigger fires on an event, and the event's identity for the send id (see <see cref="SendIds"/>).</summary>
public static class TriggerMatcher
{
    /// <summary>The match, or null when the trigger does not listen to this event.</summary>
    public static TriggerMatch? Match(Automation automation, AutomationEvent evt)
    {
        ArgumentNullException.ThrowIfNull(automation);
        ArgumentNullException.ThrowIfNull(evt);
        var match = MatchKind(automation.Trigger, evt);
        if (match is not null && automation.Timing.Kind == AutomationTimingKind.BeforeAppointment && evt.Appointment is { } appointment)
        {
            // A reminder belongs to the appointment at its start time, whichever delivery planned it.
            match = match with { Identity = SendIds.AppointmentIdentity(appointment.Id, appointment.StartTime) };
        }

        return match;
    }

    private static TriggerMatch? MatchKind(AutomationTrigger trigger, AutomationEvent evt)
    {
        if (!CarriesItsSubject(evt))
        {
            return null;
        }

        var delivery = evt.WebhookId ?? Instant.FromDateTimeOffset(evt.OccurredAt).ToString();
        return (trigger.Kind, evt.Kind) switch
        {
            (AutomationTriggerKind.ContactCreated, AutomationEventKind.ContactCreated) => new TriggerMatch("contact-created"),
            (AutomationTriggerKind.TagAdded, AutomationEventKind.ContactTagsChanged) => TagAdded(trigger, evt, delivery),
            (AutomationTriggerKind.AppointmentCreated, AutomationEventKind.AppointmentCreated) => new TriggerMatch($"appointment-created:{evt.Appointment!.Id}"),
            (AutomationTriggerKind.AppointmentScheduled, AutomationEventKind.AppointmentCreated or AutomationEventKind.AppointmentUpdated) =>
                new TriggerMatch(SendIds.AppointmentIdentity(evt.Appointment!.Id, evt.Appointment.StartTime)),
            (AutomationTriggerKind.AppointmentUpdated, AutomationEventKind.AppointmentUpdated) => new TriggerMatch($"appointment-updated:{evt.Appointment!.Id}:{delivery}"),
            (AutomationTriggerKind.AppointmentCancelled, AutomationEventKind.AppointmentCancelled) => new TriggerMatch($"appointment-cancelled:{evt.Appointment!.Id}"),
            (AutomationTriggerKind.TaskCreated, AutomationEventKind.TaskCreated) => new TriggerMatch($"task-created:{evt.Task!.Id}"),
            (AutomationTriggerKind.InboundKeyword, AutomationEventKind.InboundMessage) =>
                KeywordMatcher.FirstMatch(evt.Message!.Body, trigger.Keywords) is { } keyword ? new TriggerMatch($"inbound:{evt.Message.Id}", Keyword: keyword) : null,
            (AutomationTriggerKind.NoReply, AutomationEventKind.OutboundMessage) => new TriggerMatch($"outbound:{evt.Message!.Id}"),
            _ => null,
        };
    }

    /// <summary>An event built by hand without the appointment, task or message its kind is about triggers nothing.</summary>
    private static bool CarriesItsSubject(AutomationEvent evt) => evt.Kind switch
    {
        AutomationEventKind.AppointmentCreated or AutomationEventKind.AppointmentUpdated or AutomationEventKind.AppointmentCancelled => evt.Appointment is not null,
        AutomationEventKind.TaskCreated => evt.Task is not null,
        AutomationEventKind.InboundMessage or AutomationEventKind.OutboundMessage => evt.Message is not null,
        _ => true,
    };

    private static TriggerMatch? TagAdded(AutomationTrigger trigger, AutomationEvent evt, string delivery)
    {
        if (evt.PreviousTagsUnknown)
        {
            return new TriggerMatch($"tag-added:{delivery}")
            {
                SkipReason = "the contact's tags before this update are not known, so no tag can be called added.",
            };
        }

        var tag = trigger.Tags.FirstOrDefault(wanted => evt.AddedTags.Contains(wanted, StringComparer.OrdinalIgnoreCase));
        return tag is null ? null : new TriggerMatch($"tag-added:{delivery}", Tag: tag);
    }
}
