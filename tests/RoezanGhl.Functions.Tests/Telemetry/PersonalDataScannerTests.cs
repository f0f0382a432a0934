using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RoezanGhl.TestSupport.PersonalData;

namespace RoezanGhl.Functions.Tests.Telemetry;

public sealed partial class PersonalDataScannerTests
{
    private static PersonalDataScanner Scanner() =>
        new PersonalDataScanner().Phone("+12015550199").Email("zed.q@example.com").Text("Quillfeather").Text("call me after nine");

    [Theory]
    [InlineData("contact +12015550199 made")]
    [InlineData("digits 12015550199")]
    [InlineData("national 2015550199")]
    [InlineData("(201) 555-0199 called")]
    [InlineData("201-555-0199")]
    [InlineData("201.555.0199")]
    [InlineData("201 555 0199")]
    [InlineData("GET /contacts/search/duplicate?number=%2B12015550199")]
    [InlineData("from ZED.Q@EXAMPLE.COM")]
    [InlineData("?email=zed.q%40example.com")]
    [InlineData("Ana Quillfeather")]
    [InlineData("note: Call me after nine, thanks")]
    public void A_planted_leak_in_any_spelling_is_found(string text) =>
        Assert.NotEmpty(Scanner().Scan("test", text));

    [Theory]
    [InlineData("Event evt_1 applied to contact ghl_c_1 in location loc-acme")]
    [InlineData("new:#3f2a9c1b waits")]
    [InlineData("+12015550198 is another number")]
    public void Text_without_the_test_data_is_clean(string text) =>
        Assert.Empty(Scanner().Scan("test", text));

    [Fact]
    public void A_leak_in_a_log_record_value_or_exception_is_found()
    {
        var logs = new FakeLogCollector();
        var logger = new FakeLogger(logs);
        Waits(logger, "evt_1", "new:phone:+12015550199");
        Failed(logger, new InvalidOperationException("outer", new FormatException("bad zed.q@example.com")));

        var hits = Scanner().ScanLogs(logs.GetSnapshot());

        Assert.Contains(hits, hit => hit.Contains("{BlockingKey}", StringComparison.Ordinal));
        Assert.Contains(hits, hit => hit.Contains("exception", StringComparison.Ordinal) && hit.Contains("zed.q@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leak_in_a_span_name_tag_or_event_is_found()
    {
        using var span = new Activity("GET /contacts/search/duplicate?number=2015550199");
        span.SetTag("url.full", "https://x.example.com/?email=zed.q%40example.com");
        span.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = "Quillfeather" }));

        var hits = Scanner().ScanSpans([span]);

        Assert.Contains(hits, hit => hit.Contains(" name:", StringComparison.Ordinal));
        Assert.Contains(hits, hit => hit.Contains("tag url.full", StringComparison.Ordinal));
        Assert.Contains(hits, hit => hit.Contains("event tag exception.message", StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} waits for {BlockingKey}")]
    private static partial void Waits(ILogger logger, string eventId, string blockingKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
