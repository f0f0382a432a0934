namespace RoezanGhl.Core.Automations.Timing;

/// <summary>When an automation's text is due, before sending hours are applied.</summary>
public enum AutomationTimingKind
{
    /// <summary>When the trigger happened.</summary>
    Now,

    /// <summary>A delay after the trigger (<c>timing.after</c>).</summary>
    AfterTrigger,

    /// <summary>A lead before the appointment starts (<c>timing.before</c>); appointment triggers only.</summary>
    BeforeAppointment,
}
