using NodaTime;
using RoezanGhl.Core.Automations.Timing;
using static RoezanGhl.Core.Tests.Automations.SendingHoursTests;

namespace RoezanGhl.Core.Tests.Automations;

public sealed class SendSchedulerTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly SendingHours Daytime = Hours("08:00", "21:00");

    [Fact]
    public void A_reminder_24h_before_goes_24_hours_before_the_start()
    {
        var result = Schedule(Before("24h"), triggered: "2026-06-01T10:00-04", start: "2026-06-10T15:00-04", now: "2026-06-01T10:00-04");

        Assert.Equal(At("2026-06-09T15:00-04"), result.SendAt);
        Assert.False(result.ShiftedBySendingHours);
    }

    [Fact]
    public void A_reminder_due_in_quiet_hours_waits_for_the_morning()
    {
        var result = Schedule(Before("2h"), triggered: "2026-06-01T10:00-04", start: "2026-06-10T09:00-04", now: "2026-06-01T10:00-04");

        Assert.Equal(At("2026-06-10T08:00-04"), result.SendAt);
        Assert.Equal(At("2026-06-10T07:00-04"), result.RequestedAt);
        Assert.True(result.ShiftedBySendingHours);
    }

    [Fact]
    public void A_reminder_that_sending_hours_would_push_past_the_appointment_is_dropped()
    {
        var result = Schedule(Before("2h"), triggered: "2026-06-01T10:00-04", start: "2026-06-10T07:30-04", now: "2026-06-01T10:00-04");

        Assert.False(result.IsScheduled);
        Assert.Contains("not before the appointment", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_already_past_by_more_than_the_grace_is_dropped_not_sent_late()
    {
        // Booked three hours ahead: "24h before" was 21 hours ago.
        var result = Schedule(Before("24h"), triggered: "2026-06-10T12:00-04", start: "2026-06-10T15:00-04", now: "2026-06-10T12:00-04");

        Assert.False(result.IsScheduled);
        Assert.Contains("was due at 2026-06-09 15:00 (-04), more than 1 h ago: not sent late", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_due_time_past_by_less_than_the_grace_goes_now()
    {
        var timing = Before("2h") with { Grace = Duration.FromMinutes(30) };

        var result = Schedule(timing, triggered: "2026-06-10T12:50-04", start: "2026-06-10T15:00-04", now: "2026-06-10T13:20-04");

        Assert.Equal(At("2026-06-10T13:20-04"), result.SendAt);
    }

    [Fact]
    public void The_grace_is_configurable()
    {
        var strict = Before("2h") with { Grace = Duration.FromMinutes(5) };

        Assert.False(Schedule(strict, triggered: "2026-06-10T12:50-04", start: "2026-06-10T15:00-04", now: "2026-06-10T13:10-04").IsScheduled);
    }

    [Fact]
    public void A_delay_after_the_trigger_counts_from_the_trigger()
    {
        var result = Schedule(After("4h"), triggered: "2026-06-10T10:00-04", start: null, now: "2026-06-10T10:01-04");

        Assert.Equal(At("2026-06-10T14:00-04"), result.SendAt);
    }

    [Fact]
    public void A_text_at_once_triggered_at_night_waits_for_the_morning()
    {
        var result = Schedule(AutomationTiming.Now, triggered: "2026-06-10T23:10-04", start: null, now: "2026-06-10T23:10-04");

        Assert.Equal(At("2026-06-11T08:00-04"), result.SendAt);
        Assert.True(result.ShiftedBySendingHours);
    }

    [Fact]
    public void An_event_handled_long_after_it_happened_is_not_texted_about()
    {
        var result = Schedule(AutomationTiming.Now, triggered: "2026-06-08T10:00-04", start: null, now: "2026-06-10T10:00-04");

        Assert.False(result.IsScheduled);
    }

    [Fact]
    public void One_day_before_keeps_the_wall_clock_time_across_the_fall_back()
    {
        // 10:00 EST on Monday 2026-11-02; one calendar day before is 10:00 EDT on Sunday, which is 25 hours earlier.
        var result = Schedule(Before("1d"), triggered: "2026-10-20T10:00-04", start: "2026-11-02T10:00-05", now: "2026-10-20T10:00-04");

        Assert.Equal(At("2026-11-01T10:00-05"), result.SendAt);
    }

    [Fact]
    public void Twenty_four_hours_before_is_elapsed_time_and_one_day_is_the_calendar_across_the_spring_forward()
    {
        // 10:00 EDT on Sunday 2026-03-08 (the clocks went forward at 02:00): 24 elapsed hours earlier is 09:00 EST on Saturday,
        // while one calendar day earlier is 10:00 EST.
        var elapsed = Schedule(Before("24h"), triggered: "2026-03-01T10:00-05", start: "2026-03-08T10:00-04", now: "2026-03-01T10:00-05");
        var calendar = Schedule(Before("1d"), triggered: "2026-03-01T10:00-05", start: "2026-03-08T10:00-04", now: "2026-03-01T10:00-05");

        Assert.Equal(At("2026-03-07T09:00-05"), elapsed.SendAt);
        Assert.Equal(At("2026-03-07T10:00-05"), calendar.SendAt);
    }

    [Theory]
    [InlineData("24h", 0, 24 * 60)]
    [InlineData("1d", 1, 0)]
    [InlineData("1d2h30m", 1, 150)]
    [InlineData("90m", 0, 90)]
    public void Offsets_read_days_hours_and_minutes(string text, int days, int minutes)
    {
        Assert.True(TimingOffset.TryParse(text, out var offset));
        Assert.Equal(new TimingOffset(days, Duration.FromMinutes(minutes)), offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("2h1d")]
    [InlineData("24 h")]
    [InlineData("-2h")]
    [InlineData("91d")]
    public void Malformed_or_too_long_offsets_are_refused(string text) => Assert.False(TimingOffset.TryParse(text, out _));

    private static ScheduleResult Schedule(AutomationTiming timing, string triggered, string? start, string now) =>
        SendScheduler.Schedule(timing, Daytime, NewYork, At(triggered), start is null ? null : At(start), At(now));

    private static AutomationTiming Before(string offset) => new(AutomationTimingKind.BeforeAppointment, Parse(offset), AutomationTiming.DefaultGrace);

    private static AutomationTiming After(string offset) => new(AutomationTimingKind.AfterTrigger, Parse(offset), AutomationTiming.DefaultGrace);

    private static TimingOffset Parse(string text)
    {
        Assert.True(TimingOffset.TryParse(text, out var offset));
        return offset;
    }
}
