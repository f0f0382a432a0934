namespace RoezanGhl.Core.Automations.Planning;

/// <summary>What happened, as automations see it (several GHL types fold into one, e.g. an update to status cancelled).</summary>
public enum AutomationEventKind
{
    ContactCreated,

    /// <summary>ContactTagUpdate: the contact's whole tag list now, compared with the one before.</summary>
    ContactTagsChanged,

    AppointmentCreated,
    AppointmentUpdated,

    /// <summary>AppointmentDelete, or AppointmentUpdate with status cancelled.</summary>
    AppointmentCancelled,

    TaskCreated,

    /// <summary>A Roezan inbound message from the contact.</summary>
    InboundMessage,

    /// <summary>A text sent to the contact through Roezan (by a GHL user or an automation): the start of a missed-reply wait.</summary>
    OutboundMessage,
}
