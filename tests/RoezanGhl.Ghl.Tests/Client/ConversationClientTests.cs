using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class ConversationClientTests
{
    private const string Location = "loc-conversations";

    [Fact]
    public async Task Conversation_calls_carry_the_conversations_version_and_contact_calls_keep_theirs()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = Seed(simulator);

        await ghl.Client.FindConversationAsync(Location, contactId);
        await ghl.Client.GetContactAsync(Location, contactId);

        Assert.Equal(["2021-04-15", "2021-07-28"], simulator.State.Recorded.Select(r => r.Headers["Version"]));
    }

    [Fact]
    public async Task An_inbound_message_is_found_in_its_conversation_by_the_date_and_text_it_was_added_with()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = Seed(simulator);
        var conversation = await ghl.Client.CreateConversationAsync(Location, contactId);

        var added = await ghl.Client.AddInboundMessageAsync(Location, Message(simulator, conversation.Id, contactId));
        var page = await ghl.Client.GetConversationMessagesAsync(Location, conversation.Id);

        var found = Assert.Single(page.Messages);
        Assert.Equal(added.MessageId, found.Id);
        Assert.Equal("inbound", found.Direction);
        Assert.Equal("Running late", found.Body);
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T09:59:00.123Z", System.Globalization.CultureInfo.InvariantCulture), found.DateAdded);
        Assert.Equal(conversation.Id, (await ghl.Client.FindConversationAsync(Location, contactId))!.Id);
    }

    [Fact]
    public async Task An_inbound_add_answered_5xx_is_not_repeated_and_reports_an_unknown_outcome_while_the_message_is_there()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = Seed(simulator);
        var conversation = await ghl.Client.CreateConversationAsync(Location, contactId);
        simulator.Settings = simulator.Settings with { GhostWriteCount = 1 };

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.AddInboundMessageAsync(Location, Message(simulator, conversation.Id, contactId)));

        Assert.True(failure.OutcomeUnknown);
        Assert.Single(simulator.State.Conversations.MessagesOf(contactId));
        Assert.Single(simulator.State.Recorded, r => r.Path == "/conversations/messages/inbound");
    }

    [Fact]
    public async Task An_inbound_add_answered_2xx_without_a_message_id_fails_permanently_naming_the_provider_id()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = Seed(simulator);
        var conversation = await ghl.Client.CreateConversationAsync(Location, contactId);
        simulator.Settings = simulator.Settings with { InboundAddsNothing = true };

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.AddInboundMessageAsync(Location, Message(simulator, conversation.Id, contactId)));

        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.False(failure.OutcomeUnknown);
        Assert.Contains("conversation provider id", failure.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.State.Conversations.MessagesOf(contactId));
    }

    [Fact]
    public async Task A_status_update_refused_in_the_first_seconds_is_a_permanent_4xx_the_caller_can_retry_later()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = Seed(simulator);
        simulator.Settings = simulator.Settings with { StatusUpdateRefusalMs = 60_000 };
        var messageId = simulator.State.Conversations.UserReplies(Location, contactId, "+12015550103", "See you", "user-1")["messageId"]!.GetValue<string>();

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.UpdateMessageStatusAsync(Location, messageId, new GhlMessageStatusRequest { Status = GhlMessageStatuses.Delivered }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("pending", Assert.Single(simulator.State.Conversations.MessagesOf(contactId)).Status);
    }

    private static string Seed(GhlSimulatorHost simulator) =>
        simulator.State.SeedContact(Location, new JsonObject { ["phone"] = "+12015550103" })["id"]!.GetValue<string>();

    private static GhlInboundMessageRequest Message(GhlSimulatorHost simulator, string conversationId, string contactId) => new()
    {
        ConversationId = conversationId,
        ContactId = contactId,
        ConversationProviderId = simulator.Settings.ConversationProviderId,
        Message = "Running late",
        AltId = "rz-msg-7",
        Date = DateTimeOffset.Parse("2026-12-04T09:59:00.123Z", System.Globalization.CultureInfo.InvariantCulture),
    };
}
