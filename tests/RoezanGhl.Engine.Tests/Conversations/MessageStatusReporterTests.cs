using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Conversations;

[IntegrationLane]
public sealed class MessageStatusReporterTests : IAsyncLifetime
{
    private const string Location = "loc-1";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private GhlSimulatorHost _simulator = null!;
    private GhlTestClient _client = null!;
    private string _contactId = "";

    public async Task InitializeAsync()
    {
        _simulator = await GhlSimulatorHost.StartAsync(locations: [Location], timeProvider: _time);
        _client = GhlTestClient.Create(_simulator.BaseUrl);
        _contactId = _simulator.State.SeedContact(Location, new JsonObject { ["phone"] = "+12015550191" })["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_status_ghl_refuses_at_first_is_tried_again_until_ghl_takes_it()
    {
        _simulator.Settings = _simulator.Settings with { StatusUpdateRefusalMs = 1000 };
        var messageId = Reply();

        var reporting = Reporter(window: TimeSpan.FromSeconds(30)).ReportAsync(Location, messageId, ConversationReplyOutcome.Delivered, default);
        while (StatusCalls() < 2)
        {
            await Task.Delay(10);
        }

        // GHL's clock passes its refusal time; the next try is taken.
        _time.Advance(TimeSpan.FromSeconds(1));
        await reporting;

        Assert.Equal("delivered", Status(messageId));
    }

    [Fact]
    public async Task A_refusal_that_outlasts_the_window_fails_and_the_message_stays_pending()
    {
        _simulator.Settings = _simulator.Settings with { StatusUpdateRefusalMs = 60_000 };
        var messageId = Reply();

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => Reporter(window: TimeSpan.FromMilliseconds(150)).ReportAsync(Location, messageId, ConversationReplyOutcome.Delivered, default));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("pending", Status(messageId));
    }

    [Fact]
    public async Task A_refused_send_is_reported_failed_with_roezans_code_and_reason()
    {
        var messageId = Reply();

        await Reporter(window: TimeSpan.FromSeconds(1)).ReportAsync(Location, messageId, ConversationReplyOutcome.Failed("opted-out", "The recipient opted out."), default);

        Assert.Equal("failed", Status(messageId));
        var sent = JsonNode.Parse(_simulator.State.Recorded.Last(r => r.Method == "PUT").Body!)!;
        Assert.Equal("opted-out", sent["error"]!["code"]!.GetValue<string>());
        Assert.Equal("The recipient opted out.", sent["error"]!["message"]!.GetValue<string>());
    }

    private MessageStatusReporter Reporter(TimeSpan window) => new(
        _client.Client,
        Options.Create(new ConversationOptions { StatusRefusalWindow = window, StatusRetryInterval = TimeSpan.FromMilliseconds(50) }),
        TimeProvider.System,
        NullLogger<MessageStatusReporter>.Instance);

    private string Reply() => _simulator.State.Conversations.UserReplies(Location, _contactId, "+12015550191", "See you", "user-1")["messageId"]!.GetValue<string>();

    private string? Status(string messageId) => _simulator.State.Conversations.MessagesOf(_contactId).Single(m => m.Id == messageId).Status;

    private int StatusCalls() => _simulator.State.Recorded.Count(r => r.Method == "PUT");
}
