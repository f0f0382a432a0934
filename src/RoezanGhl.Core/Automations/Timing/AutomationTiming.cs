using NodaTime;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// When an automation's text is due and how late it may still go: a send whose due time has passed by more than
/// <paramref name="Grace"/> when it is planned (or when the timer reaches it) is dropped with a reason, never sent late.
/// </summary>
public sealed record AutomationTiming(AutomationTimingKind Kind, TimingOffset Offset, Duration Grace)
{
    /// <summary>The grace of an automation that names none.</summary>
    public static readonly Duration DefaultGrace = Duration.FromHours(1);

    public static readonly AutomationTiming Now = new(AutomationTimingKind.Now, TimingOffset.Zero, DefaultGrace);

    /// <summary>The due time: the trigger's moment, a delay after it, or a lead before the appointment.</summary>
    public Instant DueFor(Instant triggeredAt, Instant? appointmentStart, DateTimeZone zone) => Kind switch
    {
        AutomationTimingKind.AfterTrigger => Offset.After(triggeredAt, zone),
        AutomationTimingKind.BeforeAppointment => Offset.Before(appointmentStart ?? throw new ArgumentException("A reminder needs the appointment's start.", nameof(appointmentStart)), zone),
        _ => triggeredAt,
    };

    public override string ToString() => Kind switch
    {
        AutomationTimingKind.AfterTrigger => $"{Offset} after the trigger",
        AutomationTimingKind.BeforeAppointment => $"{Offset} before the appointment",
        _ => "at once",
    };
}
