using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.Ghl.Tests.Simulator;

public sealed class SimulatorConversationTests
{
    private const string Location = "loc-sim";
    private const string Token = "oauth-access-token";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SimulatorState _state;
    private readonly string _contactId;
    private readonly string _conversationId;

    public SimulatorConversationTests()
    {
        _state = new SimulatorState(timeProvider: _time);
        _contactId = _state.SeedContact(Location, new JsonObject { ["phone"] = "+12015550102" })["id"]!.GetValue<string>();
        _conversationId = _state.Conversations.Create(null, new JsonObject { ["locationId"] = Location, ["contactId"] = _contactId }).Body!["conversation"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public void An_inbound_message_with_the_provider_id_is_added_to_the_contacts_conversation()
    {
        var answer = _state.Conversations.AddInbound(null, Token, Inbound(_state.Settings.ConversationProviderId));

        Assert.Equal(200, answer.Status);
        var message = Assert.Single(_state.Conversations.MessagesOf(_contactId));
        Assert.Equal(answer.Body!["messageId"]!.GetValue<string>(), message.Id);
        Assert.Equal("inbound", message.Direction);
        Assert.Equal("rz-1", message.AltId);
        Assert.Equal("2026-12-04T09:59:00.000Z", message.Json["dateAdded"]!.GetValue<string>());
    }

    [Fact]
    public void An_inbound_message_with_a_wrong_provider_id_fails_and_adds_nothing()
    {
        var answer = _state.Conversations.AddInbound(null, Token, Inbound("another-provider"));

        Assert.Equal(400, answer.Status);
        Assert.Empty(_state.Conversations.MessagesOf(_contactId));
    }

    [Fact]
    public void An_inbound_message_without_a_provider_id_answers_201_with_no_body_and_adds_nothing_as_ghl_does()
    {
        var answer = _state.Conversations.AddInbound(null, Token, Inbound(null));

        Assert.Equal(201, answer.Status);
        Assert.Null(answer.Body);
        Assert.Empty(_state.Conversations.MessagesOf(_contactId));
    }

    [Fact]
    public void A_private_integration_token_cannot_add_a_providers_message()
    {
        var answer = _state.Conversations.AddInbound(null, "pit-0000", Inbound(_state.Settings.ConversationProviderId));

        Assert.Equal(401, answer.Status);
        Assert.Empty(_state.Conversations.MessagesOf(_contactId));
    }

    [Fact]
    public void An_inbound_message_with_a_property_the_spec_lacks_is_refused_with_422()
    {
        var body = Inbound(_state.Settings.ConversationProviderId);
        body["locationId"] = Location;

        Assert.Equal(422, _state.Conversations.AddInbound(null, Token, body).Status);
    }

    [Fact]
    public void A_second_conversation_for_the_same_contact_is_refused()
    {
        var answer = _state.Conversations.Create(null, new JsonObject { ["locationId"] = Location, ["contactId"] = _contactId });

        Assert.Equal(400, answer.Status);
    }

    [Fact]
    public void A_status_update_is_refused_for_the_first_seconds_then_accepted()
    {
        _state.Settings = _state.Settings with { StatusUpdateRefusalMs = 3000 };
        var messageId = _state.Conversations.UserReplies(Location, _contactId, "+12015550102", "See you Tuesday", "user-1")["messageId"]!.GetValue<string>();
        var delivered = new JsonObject { ["status"] = "delivered" };

        Assert.Equal(400, _state.Conversations.UpdateStatus(null, Token, messageId, delivered).Status);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(200, _state.Conversations.UpdateStatus(null, Token, messageId, (JsonObject)delivered.DeepClone()).Status);

        Assert.Equal("delivered", Assert.Single(_state.Conversations.MessagesOf(_contactId)).Status);
    }

    [Fact]
    public void A_status_update_of_an_inbound_message_is_refused()
    {
        var messageId = _state.Conversations.AddInbound(null, Token, Inbound(_state.Settings.ConversationProviderId)).Body!["messageId"]!.GetValue<string>();

        Assert.Equal(403, _state.Conversations.UpdateStatus(null, Token, messageId, new JsonObject { ["status"] = "read" }).Status);
    }

    private JsonObject Inbound(string? providerId)
    {
        var body = new JsonObject
        {
            ["type"] = "SMS",
            ["conversationId"] = _conversationId,
            ["contactId"] = _contactId,
            ["message"] = "Running late",
            ["altId"] = "rz-1",
            ["date"] = "2026-12-04T09:59:00.000Z",
        };
        if (providerId is not null)
        {
            body["conversationProviderId"] = providerId;
        }

        return body;
    }
}
