using NodaTime;
using RoezanGhl.Core.FollowUps;

namespace RoezanGhl.Core.Tests.FollowUps;

/// <summary>
/// Due dates around the 2026 clock changes in New York (8 Mar, 1 Nov), London (29 Mar, 25 Oct) and
/// Sydney (5 Apr, 4 Oct). A local time in the spring gap moves forward by the gap; a local time that
/// occurs twice in autumn takes the first (earlier) occurrence.
/// </summary>
public sealed class FollowUpDaylightSavingTests
{
    private static readonly FollowUpDetector Detector = new();

    [Theory]
    // Saturday before the spring change, 10:00 EST.
    [InlineData("America/New_York", "2026-03-07T10:00:00-05:00", "remind me tomorrow at 2:30am", "2026-03-08T03:30:00-04:00")]
    [InlineData("America/New_York", "2026-03-07T10:00:00-05:00", "call me tomorrow at 3pm", "2026-03-08T15:00:00-04:00")]
    [InlineData("America/New_York", "2026-03-07T10:00:00-05:00", "call me in 1 day", "2026-03-08T09:00:00-04:00")]
    [InlineData("America/New_York", "2026-03-07T12:00:00-05:00", "call me in 24 hours", "2026-03-08T13:00:00-04:00")]
    // Saturday before the autumn change, 10:00 EDT: 01:30 happens twice on Sunday.
    [InlineData("America/New_York", "2026-10-31T10:00:00-04:00", "remind me tomorrow at 1:30am", "2026-11-01T01:30:00-04:00")]
    [InlineData("America/New_York", "2026-10-31T10:00:00-04:00", "call me tomorrow at 3pm", "2026-11-01T15:00:00-05:00")]
    [InlineData("America/New_York", "2026-10-31T12:00:00-04:00", "call me in 24 hours", "2026-11-01T11:00:00-05:00")]
    // London: 01:00 GMT jumps to 02:00 BST; 02:00 BST falls back to 01:00 GMT.
    [InlineData("Europe/London", "2026-03-28T12:00:00+00:00", "ring me tomorrow at 1:30am", "2026-03-29T02:30:00+01:00")]
    [InlineData("Europe/London", "2026-03-28T12:00:00+00:00", "ring me tomorrow at noon", "2026-03-29T12:00:00+01:00")]
    [InlineData("Europe/London", "2026-10-24T12:00:00+01:00", "ring me tomorrow at 1:30am", "2026-10-25T01:30:00+01:00")]
    [InlineData("Europe/London", "2026-10-25T00:30:00+01:00", "ring me in 2 hours", "2026-10-25T01:30:00+00:00")]
    // Sydney: 02:00 AEST jumps to 03:00 AEDT in October; 03:00 AEDT falls back to 02:00 AEST in April.
    [InlineData("Australia/Sydney", "2026-10-03T12:00:00+10:00", "call me tomorrow at 2:15am", "2026-10-04T03:15:00+11:00")]
    [InlineData("Australia/Sydney", "2026-04-04T12:00:00+11:00", "call me tomorrow at 2:30am", "2026-04-05T02:30:00+11:00")]
    [InlineData("Australia/Sydney", "2026-04-04T12:00:00+11:00", "call me tomorrow at 3pm", "2026-04-05T15:00:00+10:00")]
    public void Due_dates_carry_the_offset_in_force_on_the_due_day(string zoneId, string receivedAt, string text, string expected)
    {
        var followUp = Detector.Detect(text, DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeZoneProviders.Tzdb[zoneId]);

        Assert.NotNull(followUp);
        var due = followUp.DueDate;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, due.Offset);
    }

    [Fact]
    public void A_nonexistent_local_time_resolves_the_same_way_every_time()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var receivedAt = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(-5));

        var dues = Enumerable.Range(0, 5).Select(_ => Detector.Detect("remind me tomorrow at 2:30am", receivedAt, zone)?.DueDate).Distinct().ToList();

        Assert.Equal([new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero)], dues);
    }
}
