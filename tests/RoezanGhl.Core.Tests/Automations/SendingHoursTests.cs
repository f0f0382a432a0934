using NodaTime;
using NodaTime.Text;
using RoezanGhl.Core.Automations.Timing;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>Quiet hours: a text due outside the window waits for its next first minute, in the account's wall clock.</summary>
public sealed class SendingHoursTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Theory]
    [InlineData("2026-06-10T08:00-04", "2026-06-10T08:00-04")] // first minute of the window
    [InlineData("2026-06-10T12:34-04", "2026-06-10T12:34-04")] // inside: unchanged
    [InlineData("2026-06-10T20:59-04", "2026-06-10T20:59-04")] // last minute
    [InlineData("2026-06-10T21:00-04", "2026-06-11T08:00-04")] // end is exclusive
    [InlineData("2026-06-10T23:30-04", "2026-06-11T08:00-04")] // late evening: next morning
    [InlineData("2026-06-10T03:00-04", "2026-06-10T08:00-04")] // early morning: same morning
    public void A_text_due_in_quiet_hours_waits_for_the_next_allowed_minute(string due, string expected) =>
        Assert.Equal(At(expected), Hours("08:00", "21:00").NextAllowed(At(due), NewYork));

    [Theory]
    [InlineData("2026-06-10T22:00-04", "2026-06-10T22:00-04")] // inside before midnight
    [InlineData("2026-06-11T01:59-04", "2026-06-11T01:59-04")] // inside after midnight
    [InlineData("2026-06-11T02:00-04", "2026-06-11T21:00-04")] // quiet: waits for the evening
    [InlineData("2026-06-11T12:00-04", "2026-06-11T21:00-04")]
    public void A_window_may_cross_midnight(string due, string expected) =>
        Assert.Equal(At(expected), Hours("21:00", "02:00").NextAllowed(At(due), NewYork));

    [Fact]
    public void Midnight_to_24_00_allows_every_minute()
    {
        var hours = Hours("00:00", "24:00");

        Assert.Equal(At("2026-06-10T23:59-04"), hours.NextAllowed(At("2026-06-10T23:59-04"), NewYork));
        Assert.Equal(At("2026-06-10T00:00-04"), hours.NextAllowed(At("2026-06-10T00:00-04"), NewYork));
    }

    [Fact]
    public void On_the_spring_forward_day_the_morning_opening_has_the_new_offset()
    {
        // 2026-03-08: New York goes from EST (-5) to EDT (-4) at 02:00.
        Assert.Equal(At("2026-03-08T08:00-04"), Hours("08:00", "21:00").NextAllowed(At("2026-03-08T01:30-05"), NewYork));
        Assert.Equal(At("2026-03-29T08:00+01"), Hours("08:00", "21:00").NextAllowed(At("2026-03-29T00:30+00"), London));
    }

    [Fact]
    public void An_opening_inside_the_spring_gap_moves_to_the_first_minute_after_it()
    {
        // 02:30 does not exist in New York on 2026-03-08; the first minute after the gap is 03:00 EDT.
        Assert.Equal(At("2026-03-08T03:00-04"), Hours("02:30", "21:00").NextAllowed(At("2026-03-08T01:00-05"), NewYork));
        // 01:30 does not exist in London on 2026-03-29; 02:00 BST follows the gap.
        Assert.Equal(At("2026-03-29T02:00+01"), Hours("01:30", "21:00").NextAllowed(At("2026-03-29T00:10+00"), London));
    }

    [Fact]
    public void An_opening_that_happens_twice_on_the_fall_back_day_is_the_earlier()
    {
        // 01:30 happens twice in New York on 2026-11-01 (EDT, then EST): the first one.
        Assert.Equal(At("2026-11-01T01:30-04"), Hours("01:30", "21:00").NextAllowed(At("2026-11-01T00:30-04"), NewYork));
        Assert.Equal(At("2026-10-25T01:30+01"), Hours("01:30", "21:00").NextAllowed(At("2026-10-25T00:30+01"), London));
    }

    [Fact]
    public void Inside_the_repeated_hour_after_the_first_opening_has_passed_the_later_one_is_taken()
    {
        // 01:10 EST (the second 01:10): the earlier 01:30 (EDT) is already past, the later 01:30 (EST) is next.
        Assert.Equal(At("2026-11-01T01:30-05"), Hours("01:30", "21:00").NextAllowed(At("2026-11-01T01:10-05"), NewYork));
    }

    [Fact]
    public void Quiet_hours_that_contain_the_fall_back_hour_wait_for_the_morning_in_standard_time() =>
        Assert.Equal(At("2026-11-01T08:00-05"), Hours("08:00", "21:00").NextAllowed(At("2026-11-01T01:30-04"), NewYork));

    [Theory]
    [InlineData("08:00", "08:00")]
    [InlineData("8:00", "21:00")]
    [InlineData("08:00", "25:00")]
    [InlineData("24:00", "08:00")]
    [InlineData("08:00", null)]
    public void Malformed_or_empty_windows_are_refused(string start, string? end) =>
        Assert.False(SendingHours.TryParse(start, end, out _));

    [Fact]
    public void The_window_reads_back_as_written() => Assert.Equal("21:00–24:00", Hours("21:00", "24:00").ToString());

    internal static Instant At(string text) => OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<+HH>").Parse(text).Value.ToInstant();

    internal static SendingHours Hours(string start, string end)
    {
        Assert.True(SendingHours.TryParse(start, end, out var hours));
        return hours;
    }
}
