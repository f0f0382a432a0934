using System.Globalization;
using NodaTime;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// Decides when a planned text goes out: its due time from the timing; dropped when that is already past by more
/// than the grace (a reminder is never sent late); otherwise the due time, or now if it is slightly past, moved to
/// the next minute inside sending hours. A reminder whose first allowed minute is not before the appointment is dropped too.
/// </summary>
public static class SendScheduler
{
    public static ScheduleResult Schedule(AutomationTiming timing, SendingHours hours, DateTimeZone zone, Instant triggeredAt, Instant? appointmentStart, Instant now)
    {
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        var requested = timing.DueFor(triggeredAt, appointmentStart, zone);
        if (requested + timing.Grace < now)
        {
            return new ScheduleResult(null, requested, $"was due at {Describe(requested, zone)}, more than {Describe(timing.Grace)} ago: not sent late.");
        }

        var earliest = requested < now ? now : requested;
        var sendAt = hours.NextAllowed(earliest, zone);
        if (timing.Kind == AutomationTimingKind.BeforeAppointment && appointmentStart is { } start && sendAt >= start)
        {
            return new ScheduleResult(null, requested, $"the first minute in sending hours ({hours}) is {Describe(sendAt, zone)}, not before the appointment at {Describe(start, zone)}.");
        }

        return new ScheduleResult(sendAt, requested, null) { ShiftedBySendingHours = sendAt != earliest };
    }

    /// <summary>A moment as the account's wall clock with its offset: "2026-03-08 08:00 (-04)".</summary>
    public static string Describe(Instant moment, DateTimeZone zone) =>
        moment.InZone(zone).ToString("uuuu-MM-dd HH:mm '('o<g>')'", CultureInfo.InvariantCulture);

    private static string Describe(Duration duration) =>
        duration.TotalMinutes < 60 ? $"{(int)duration.TotalMinutes} min" : $"{duration.TotalHours:0.#} h";
}
