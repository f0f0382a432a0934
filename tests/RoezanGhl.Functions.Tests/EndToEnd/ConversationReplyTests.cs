using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Roezan;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Replies typed "in GHL": the simulator's admin API plays the GHL user, GHL posts the signed ProviderOutboundMessage
/// to the Delivery URL, the app queues it, asks the Roezan sender once and reports the status back to GHL, which
/// refuses it for the first moments.
/// </summary>
[IntegrationLane]
public sealed class ConversationReplyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_reply_typed_in_ghl_is_sent_once_and_shows_delivered_in_ghl_even_when_ghl_posts_it_twice()
    {
        var sender = new CountingSender(ConversationReplyOutcome.Delivered);
        await using var world = await ReplyWorld.StartAsync(sender);
        var contactId = world.SeedContact("+12015550181");

        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var messageId = await world.UserRepliesAsync(contactId, $"reply {i}");
            await world.App.DrainAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal("delivered", world.StatusOf(contactId, messageId));
        }

        var repeat = world.App.Simulator.State.Conversations.MessagesOf(contactId)[0];
        var again = await world.PostAgainAsync(contactId, repeat.Id, repeat.Body!);
        await world.App.DrainAsync();

        Assert.Equal("duplicate", again);
        Assert.Equal(20, sender.Sends.Count);
        Assert.All(sender.Sends.Values, count => Assert.Equal(1, count));
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reply latency in process (admin post → status delivered in GHL, incl. queue pump and a 300 ms refusal window): p50 {latencies[latencies.Count / 2]:F0} ms, p99 {latencies[^1]:F0} ms; load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    [Fact]
    public async Task A_reply_roezan_refuses_shows_failed_in_ghl_with_roezans_reason()
    {
        await using var world = await ReplyWorld.StartAsync(new CountingSender(ConversationReplyOutcome.Failed("opted-out", "The recipient opted out of SMS.")));
        var contactId = world.SeedContact("+12015550182");

        var messageId = await world.UserRepliesAsync(contactId, "are you there?");
        await world.App.DrainAsync();

        Assert.Equal("failed", world.StatusOf(contactId, messageId));
    }

    [Fact]
    public async Task A_reply_is_sent_through_roezan_once_even_when_the_same_send_is_asked_for_again_after_a_crash()
    {
        await using var world = await ReplyWorld.StartAsync(null, withRoezan: true);
        var contactId = world.SeedContact("+12015550183");

        var messageId = await world.UserRepliesAsync(contactId, "see you at 5");
        await world.App.DrainAsync();
        var again = await world.App.Get<IEnumerable<IConversationReplySender>>().Last().SendOnceAsync(
            new ConversationReply(AppTestHost.AccountId, AppTestHost.LocationId, messageId, contactId, "+12015550183", "see you at 5"), default);

        Assert.Equal("delivered", world.StatusOf(contactId, messageId));
        Assert.True(again.Sent);
        var text = Assert.Single(world.RoezanTexts());
        Assert.Equal(("+12015550183", "see you at 5"), (text.Phone, text.Content));
    }

    [Fact]
    public async Task A_reply_to_a_number_that_opted_out_in_roezan_is_not_sent_and_shows_failed_in_ghl()
    {
        await using var world = await ReplyWorld.StartAsync(null, withRoezan: true);
        var contactId = world.SeedContact("+12015550186");
        world.App.Roezan.Simulator.Admin.OptOut(AppTestHost.AccountId, "+12015550186");

        var messageId = await world.UserRepliesAsync(contactId, "one more thing");
        await world.App.DrainAsync();

        Assert.Equal("failed", world.StatusOf(contactId, messageId));
        Assert.Empty(world.RoezanTexts());
    }

    [Fact]
    public async Task A_reply_to_a_number_roezan_tags_with_the_opt_out_tag_is_not_sent_and_shows_failed_in_ghl()
    {
        // What InboundOptOut records for a STOP variant Roezan did not opt out itself: the tag, not Roezan's opt-out.
        await using var world = await ReplyWorld.StartAsync(null, withRoezan: true);
        var contactId = world.SeedContact("+12015550187");
        await world.App.Get<RoezanApiClient>().UpsertContactAsync(AppTestHost.AccountId, new RoezanContactUpsert { Phone = "+12015550187", Tags = ["sms-opt-out"] }, default);
        Assert.False(world.App.Roezan.Simulator.State.FindContact(AppTestHost.AccountId, "+12015550187")!.OptedOut);

        var messageId = await world.UserRepliesAsync(contactId, "one more thing");
        await world.App.DrainAsync();

        Assert.Equal("failed", world.StatusOf(contactId, messageId));
        Assert.Empty(world.RoezanTexts());
    }

    [Fact]
    public async Task An_unsigned_provider_message_is_refused_with_401_and_nothing_is_queued()
    {
        await using var world = await ReplyWorld.StartAsync(new CountingSender(ConversationReplyOutcome.Delivered));
        var body = """{"contactId":"c1","locationId":"loc-acme","messageId":"m1","type":"SMS","phone":"+12015550184","message":"hi"}"""u8.ToArray();

        var result = await world.App.Get<ConversationReplyIngestor>().IngestAsync(new GhlWebhookRequest("application/json", body.Length, "", null, new MemoryStream(body)), default);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(await world.App.PeekRawAsync());
    }

    [Theory]
    [InlineData("Email", "loc-acme", "acknowledged")]
    [InlineData("SMS", "loc-nobody", "ignored")]
    public async Task A_message_that_is_not_an_sms_or_not_for_a_configured_location_is_answered_200_and_not_queued(string type, string locationId, string code)
    {
        await using var world = await ReplyWorld.StartAsync(new CountingSender(ConversationReplyOutcome.Delivered));
        var body = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["contactId"] = "c1", ["locationId"] = locationId, ["messageId"] = "m-" + type, ["type"] = type, ["phone"] = "+12015550185", ["message"] = "hi" }.ToJsonString());

        var result = await world.App.Get<ConversationReplyIngestor>().IngestAsync(
            new GhlWebhookRequest("application/json", body.Length, GhlSimulator.Webhooks.GhlWebhookSigningKey.Shared.Sign(body), null, new MemoryStream(body)), default);

        Assert.Equal((200, code), (result.StatusCode, result.Code));
        Assert.Empty(await world.App.PeekRawAsync());
    }

    private sealed class CountingSender(ConversationReplyOutcome outcome) : IConversationReplySender
    {
        public ConcurrentDictionary<string, int> Sends { get; } = new(StringComparer.Ordinal);

        public Task<ConversationReplyOutcome> SendOnceAsync(ConversationReply reply, CancellationToken cancellationToken)
        {
            Sends.AddOrUpdate(reply.SendId, 1, (_, count) => count + 1);
            return Task.FromResult(outcome);
        }
    }
}
