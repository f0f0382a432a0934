using NodaTime;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// A sample of what fires an automation, happening now: the fictional contact and values of
/// <see cref="AutomationPlaceholders.SampleModel"/> (Ana Diaz, 555-01xx, example.com), with an appointment three days
/// ahead at 15:30 in the account's zone, so that a reminder's send time can be shown. The console's template editor
/// previews with it; nothing built here is stored or sent.
/// </summary>
public static class SampleAutomationEvents
{
    /// <summary>An event <paramref name="automation"/>'s trigger fires on, and the sample contact it is about.</summary>
    public static (AutomationEvent Event, AutomationContact Contact) For(Automation automation, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(automation);
        ArgumentNullException.ThrowIfNull(zone);
        var kind = automation.Trigger.Kind;
        var sample = AutomationPlaceholders.SampleModel(kind);
        var at = now.ToDateTimeOffset();
        var start = zone.AtLeniently(now.InZone(zone).Date.PlusDays(3).At(new LocalTime(15, 30))).ToDateTimeOffset();
        var appointment = sample.Appointment is { } a ? a with { StartTime = start, EndTime = start.AddMinutes(30) } : null;
        var task = sample.Task is { } t ? t with { DueDate = start } : null;
        var keyword = automation.Trigger.Keywords.Count > 0 ? automation.Trigger.Keywords[0] : sample.Keyword;
        var message = new AutomationMessage { Id = "sample-message", Body = keyword is null ? sample.Message?.Body : keyword + " please", At = at };
        var evt = new AutomationEvent
        {
            Kind = KindOf(kind),
            ContactId = sample.Contact.Id,
            OccurredAt = at,
            WebhookId = "sample-webhook",
            AddedTags = kind == AutomationTriggerKind.TagAdded ? [automation.Trigger.Tags.Count > 0 ? automation.Trigger.Tags[0] : sample.Tag!] : [],
            Appointment = appointment,
            Task = task,
            Message = kind is AutomationTriggerKind.InboundKeyword or AutomationTriggerKind.NoReply ? message : null,
        };
        return (evt, sample.Contact);
    }

    private static AutomationEventKind KindOf(AutomationTriggerKind kind) => kind switch
    {
        AutomationTriggerKind.ContactCreated => AutomationEventKind.ContactCreated,
        AutomationTriggerKind.TagAdded => AutomationEventKind.ContactTagsChanged,
        AutomationTriggerKind.AppointmentCreated or AutomationTriggerKind.AppointmentScheduled => AutomationEventKind.AppointmentCreated,
        AutomationTriggerKind.AppointmentUpdated => AutomationEventKind.AppointmentUpdated,
        AutomationTriggerKind.AppointmentCancelled => AutomationEventKind.AppointmentCancelled,
        AutomationTriggerKind.TaskCreated => AutomationEventKind.TaskCreated,
        AutomationTriggerKind.InboundKeyword => AutomationEventKind.InboundMessage,
        AutomationTriggerKind.NoReply => AutomationEventKind.OutboundMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no sample for this trigger"),
    };
}
