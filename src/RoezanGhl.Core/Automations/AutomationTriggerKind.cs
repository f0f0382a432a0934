namespace RoezanGhl.Core.Automations;

/// <summary>What can start an automation (the <c>trigger.event</c> names are in <see cref="AutomationTriggerKinds"/>).</summary>
public enum AutomationTriggerKind
{
    /// <summary>GHL ContactCreate.</summary>
    ContactCreated,

    /// <summary>GHL ContactTagUpdate with one of the trigger's tags that the contact did not have before.</summary>
    TagAdded,

    /// <summary>GHL AppointmentCreate.</summary>
    AppointmentCreated,

    /// <summary>GHL AppointmentCreate or AppointmentUpdate that is not a cancellation: what reminders follow.</summary>
    AppointmentScheduled,

    /// <summary>GHL AppointmentUpdate that is not a cancellation.</summary>
    AppointmentUpdated,

    /// <summary>GHL AppointmentDelete, or AppointmentUpdate with status <c>cancelled</c>.</summary>
    AppointmentCancelled,

    /// <summary>GHL TaskCreate on the contact.</summary>
    TaskCreated,

    /// <summary>A Roezan inbound message holding one of the trigger's keywords as a whole word.</summary>
    InboundKeyword,

    /// <summary>A text sent to the contact, with no reply by the time the delay has passed (checked at send time).</summary>
    NoReply,
}
