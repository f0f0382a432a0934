using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// The "add inbound message" step against the GHL simulator: the contact's conversation found or made, the message
/// added once under ghost writes, 5xx and 429, and the GHL calls it costs.
/// </summary>
[IntegrationLane]
public sealed class InboundMessageStepTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Location = "loc-1";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.Parse("2026-12-04T10:00:00.250Z", System.Globalization.CultureInfo.InvariantCulture);

    private GhlSimulatorHost _simulator = null!;
    private GhlTestClient _client = null!;
    private GhlStepExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        _client = GhlTestClient.Create(_simulator.BaseUrl);
        _executor = new GhlStepExecutor(_client.Client, NullLogger<GhlStepExecutor>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_message_for_a_contact_without_a_conversation_makes_it_then_adds_the_message_in_three_calls()
    {
        var contactId = SeedContact("+12015550110");

        var result = await _executor.ExecuteAsync(Context(contactId), Step("m-1", "Running late"), default);

        var message = Assert.Single(_simulator.State.Conversations.MessagesOf(contactId));
        Assert.Equal(result.GhlMessageId, message.Id);
        Assert.Equal(("inbound", "m-1", "Running late"), (message.Direction, message.AltId, message.Body));
        Assert.Equal(["GET /conversations/search", "POST /conversations/", "POST /conversations/messages/inbound"], Calls());
    }

    [Fact]
    public async Task A_message_for_a_contact_with_a_conversation_costs_two_calls()
    {
        var contactId = SeedContact("+12015550111");
        await _client.Client.CreateConversationAsync(Location, contactId);
        var before = _simulator.State.Recorded.Count;

        await _executor.ExecuteAsync(Context(contactId), Step("m-2", "second"), default);

        Assert.Equal(["GET /conversations/search", "POST /conversations/messages/inbound"], Calls().Skip(before));
        Assert.Single(_simulator.State.Conversations.MessagesOf(contactId));
    }

    [Theory]
    [InlineData(GhostWriteMode.ServerError)]
    [InlineData(GhostWriteMode.Abort)]
    public async Task An_add_that_ghl_applied_but_answered_with_a_failure_is_found_in_the_thread_and_not_added_twice(GhostWriteMode mode)
    {
        var contactId = SeedContact("+12015550112");
        await _client.Client.CreateConversationAsync(Location, contactId);
        _simulator.Settings = _simulator.Settings with { GhostWriteCount = 1, GhostWriteMode = mode };

        var result = await _executor.ExecuteAsync(Context(contactId), Step("m-1", "Running late"), default);

        Assert.True(result.Adopted);
        Assert.Equal(result.GhlMessageId, Assert.Single(_simulator.State.Conversations.MessagesOf(contactId)).Id);
    }

    [Fact]
    public async Task A_retry_after_a_crash_mid_add_adopts_the_message_an_earlier_attempt_added()
    {
        var contactId = SeedContact("+12015550113");
        var first = await _executor.ExecuteAsync(Context(contactId), Step("m-1", "Running late"), default);

        var again = await _executor.ExecuteAsync(Context(contactId, lookUp: true), Step("m-1", "Running late"), default);

        Assert.True(again.Adopted);
        Assert.Equal(first.GhlMessageId, again.GhlMessageId);
        Assert.Single(_simulator.State.Conversations.MessagesOf(contactId));
    }

    [Fact]
    public async Task The_same_text_sent_at_another_time_is_a_different_message_and_is_added()
    {
        var contactId = SeedContact("+12015550114");
        await _executor.ExecuteAsync(Context(contactId), Step("m-1", "ok"), default);

        var second = await _executor.ExecuteAsync(Context(contactId, lookUp: true), Step("m-2", "ok") with { SentAt = SentAt.AddMinutes(1) }, default);

        Assert.False(second.Adopted);
        Assert.Equal(2, _simulator.State.Conversations.MessagesOf(contactId).Count);
    }

    [Fact]
    public async Task A_wrong_provider_id_fails_permanently_and_adds_nothing()
    {
        var contactId = SeedContact("+12015550115");

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => _executor.ExecuteAsync(Context(contactId), Step("m-1", "hi") with { ConversationProviderId = "not-ours" }, default));

        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.Empty(_simulator.State.Conversations.MessagesOf(contactId));
    }

    [Fact]
    public async Task Under_5xx_429_and_ghost_writes_every_inbound_message_appears_once_in_its_thread()
    {
        var contacts = Enumerable.Range(0, 6).Select(i => SeedContact($"+1201555016{i}")).ToList();
        _simulator.Settings = _simulator.Settings with
        {
            ServerErrorRatio = 0.15,
            GhostWriteRatio = 0.25,
            GhostWriteMode = GhostWriteMode.Abort,
            RateLimitMax = 25,
            RateLimitIntervalMs = 1000,
            SendRetryAfter = false,
        };

        const int Messages = 48;
        for (var i = 0; i < Messages; i++)
        {
            if (i % 12 == 0)
            {
                // Another instance spends the location's window: our next call is answered 429.
                for (var spent = 0; spent < 25; spent++)
                {
                    _simulator.State.CountRequest(Location);
                }
            }

            await RunLikeTheHostAsync(Context(contacts[i % contacts.Count]), Step($"m-{i}", $"message {i}") with { SentAt = SentAt.AddSeconds(i) });
        }

        var counters = _simulator.State.Counters.Snapshot();
        output.WriteLine($"{Messages} messages: {_simulator.State.Recorded.Count} GHL requests ({(double)_simulator.State.Recorded.Count / Messages:0.00} per message), {counters.RateLimited} answered 429");
        var added = contacts.SelectMany(_simulator.State.Conversations.MessagesOf).ToList();
        Assert.Equal(Messages, added.Count);
        Assert.Equal(Messages, added.Select(m => m.AltId).Distinct().Count());
        Assert.Equal(contacts.Count, contacts.Count(c => _simulator.State.Conversations.MessagesOf(c).Count == Messages / contacts.Count));
        Assert.True(_simulator.State.Counters.Snapshot().RateLimited > 0);
    }

    // As PlanRunner and the queue do: a failed attempt is tried again, looking first, since its add may have been applied.
    private async Task RunLikeTheHostAsync(StepContext context, AddInboundMessageStep step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _executor.ExecuteAsync(context with { LookUpBeforeCreating = attempt > 1 }, step, default);
                return;
            }
            catch (GhlApiException) when (attempt < 10)
            {
            }
        }
    }

    private AddInboundMessageStep Step(string messageId, string body) => new()
    {
        MessageId = messageId,
        ConversationProviderId = _simulator.Settings.ConversationProviderId,
        Body = body,
        SentAt = SentAt,
        Reason = "test",
    };

    private static StepContext Context(string contactId, bool lookUp = false) =>
        new() { LocationId = Location, EventId = "evt_1", GhlContactId = contactId, LookUpBeforeCreating = lookUp };

    private string SeedContact(string phone) => _simulator.State.SeedContact(Location, new JsonObject { ["phone"] = phone })["id"]!.GetValue<string>();

    private List<string> Calls() => [.. _simulator.State.Recorded.Select(r => $"{r.Method} {(r.Path.StartsWith("/conversations/messages/", StringComparison.Ordinal) || r.Path is "/conversations/search" or "/conversations/" ? r.Path : "/conversations/{id}/messages")}")];
}
