using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Models;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Contract;

public sealed class ConversationContractTests
{
    private const string Location = "loc-conversations";

    private static readonly string[] ProviderEndpoints =
    [
        "GET /conversations/search", "POST /conversations/", "GET /conversations/{conversationId}/messages",
        "POST /conversations/messages/inbound", "PUT /conversations/messages/{messageId}/status",
    ];

    [IntegrationLane]
    [Fact]
    public async Task Every_conversations_request_the_client_sends_matches_the_official_conversations_spec()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["phone"] = "+12015550101" })["id"]!.GetValue<string>();

        Assert.Null(await ghl.Client.FindConversationAsync(Location, contactId));
        var conversation = await ghl.Client.CreateConversationAsync(Location, contactId);
        await ghl.Client.AddInboundMessageAsync(Location, new GhlInboundMessageRequest
        {
            ConversationId = conversation.Id,
            ContactId = contactId,
            ConversationProviderId = simulator.Settings.ConversationProviderId,
            Message = "Is Tuesday still good?",
            AltId = "rz-msg-1",
            Date = DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        });
        await ghl.Client.GetConversationMessagesAsync(Location, conversation.Id, limit: 20);
        var reply = simulator.State.Conversations.UserReplies(Location, contactId, "+12015550101", "Yes, see you then", "user-1");
        await ghl.Client.UpdateMessageStatusAsync(Location, reply["messageId"]!.GetValue<string>(), new GhlMessageStatusRequest
        {
            Status = GhlMessageStatuses.Failed,
            Error = new GhlMessageError { Code = "30003", Type = "roezan", Message = "Unreachable handset" },
        });

        var contract = GhlSpecContract.LoadConversations();
        var recorded = simulator.State.Recorded;
        Assert.Empty(recorded.SelectMany(contract.Violations));
        Assert.Equal(ProviderEndpoints.Order(StringComparer.Ordinal), recorded.Select(contract.OperationOf).OfType<string>().ToHashSet(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_contract_check_reports_the_contacts_version_sent_to_the_conversations_api()
    {
        var request = new RecordedRequest(
            "PUT",
            "/conversations/messages/m1/status",
            [],
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer <redacted>", ["Content-Type"] = "application/json", ["Version"] = "2021-07-28" },
            """{"status":"delivered"}""");

        var violation = Assert.Single(GhlSpecContract.LoadConversations().Violations(request));

        Assert.Contains("header Version '2021-07-28' is not one the spec allows", violation, StringComparison.Ordinal);
    }
}
