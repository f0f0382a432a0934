using RoezanGhl.Engine.Notifications;

namespace RoezanGhl.Engine.Tests.Processing;

public sealed class NotificationThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static FailureNotice Notice(string eventId, string location = "loc-1", string reason = "GHL POST /contacts/ answered 422: email must be an email", string? traceId = "trace-1") => new()
    {
        EventId = eventId,
        EventType = "contact.created",
        AccountId = "acct-1",
        LocationId = location,
        Status = "Failed",
        Reason = reason,
        TraceId = traceId,
    };

    [Fact]
    public void Notice_becomes_one_short_line_with_event_location_reason_and_trace()
    {
        var text = NotificationThrottle.Text(Notice("evt_1"));

        Assert.Equal("RoezanGhl: event evt_1 (contact.created, account acct-1) is failed for GHL location loc-1: GHL POST /contacts/ answered 422: email must be an email (GHL traceId trace-1)", text);
    }

    [Fact]
    public void Anything_that_looks_like_a_token_is_masked_and_long_reasons_are_cut()
    {
        var text = NotificationThrottle.Text(Notice("evt_1", reason: "rejected Bearer abc.def and pit-test-fake-token " + new string('x', 500)));

        Assert.DoesNotContain("abc.def", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pit-test-fake", text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal);
        Assert.True(text.Length < 450, $"{text.Length} characters");
    }

    [Fact]
    public void Only_n_per_minute_per_location_are_sent_and_the_rest_rolled_up_later()
    {
        var throttle = new NotificationThrottle(2);

        var sent = Enumerable.Range(1, 5).SelectMany(i => throttle.Admit(Notice($"evt_{i}"), T0.AddSeconds(i))).ToList();
        var other = throttle.Admit(Notice("evt_x", location: "loc-2"), T0.AddSeconds(6));

        Assert.Equal(2, sent.Count);
        Assert.Single(other);
        Assert.Empty(throttle.Flush(T0.AddSeconds(30)));
        var rollUp = Assert.Single(throttle.Flush(T0.AddSeconds(62)));
        Assert.Equal("RoezanGhl: and 3 more failures for GHL location loc-1 in the last minute; see the event ledger.", rollUp);
    }

    [Fact]
    public void Next_minute_opens_with_the_roll_up_of_the_last_one()
    {
        var throttle = new NotificationThrottle(1);
        throttle.Admit(Notice("evt_1"), T0);
        throttle.Admit(Notice("evt_2"), T0.AddSeconds(1));

        var next = throttle.Admit(Notice("evt_3"), T0.AddSeconds(61));

        Assert.Equal(2, next.Count);
        Assert.StartsWith("RoezanGhl: and 1 more failure for", next[0], StringComparison.Ordinal);
        Assert.Contains("evt_3", next[1], StringComparison.Ordinal);
    }
}
