using System.Text.Json.Nodes;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Tests.Roezan;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public sealed class MissedMessageTests : IAsyncLifetime
{
    private ReconcileRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReconcileRig.StartAsync(withRoezan: true);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private FakeRoezanServer Roezan => _rig.Roezan!;

    private static string WebhookMessage(string eventId, string messageId, string from) => new JsonObject
    {
        ["id"] = eventId,
        ["type"] = "message.received",
        ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O"),
        ["data"] = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = messageId,
                ["from"] = from,
                ["body"] = "Is the offer still on?",
                ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O"),
                ["contactId"] = "c_1",
            },
        },
    }.ToJsonString();

    [Fact]
    public async Task A_message_the_webhook_missed_is_found_in_roezan_queued_once_and_applied_as_a_note()
    {
        var ghlId = await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        Roezan.AddInboundMessage("c_1", "m_new", "Call me tomorrow at 3", DateTimeOffset.UtcNow.AddMinutes(-5));
        Roezan.AddInboundMessage("c_1", "m_ancient", "Older than the first poll looks back", DateTimeOffset.UtcNow.AddDays(-3));

        var summary = await _rig.RunAsync();

        Assert.Equal((1, 1), (summary.MessagesFed, summary.RoezanCallsSpent));
        var queued = Assert.Single(await _rig.PeekQueuedAsync());
        Assert.Equal((RoezanMessageEventId.For("m_new"), RoezanEventTypes.MessageReceived, ReconcileRig.AccountId), (queued.Event.Id, queued.Event.Type, queued.AccountId));
        Assert.Equal(("+12015550001", "c_1", "Call me tomorrow at 3", "Ana1 Diaz"), (queued.Event.Data!.Message!.From, queued.Event.Data.Message.ContactId, queued.Event.Data.Message.Body, queued.Event.Data.Message.FromName));
        Assert.Equal(ReconcileRig.RoezanApiKey, Assert.Single(Roezan.Requests).ApiKey);

        await _rig.DrainAsync();
        var note = Assert.Single(_rig.Simulator.State.ChildrenOf(ReconcileRig.LocationId, ghlId, ChildKind.Note));
        Assert.EndsWith("ref: msg:m_new", (string?)note["body"], StringComparison.Ordinal);
        Assert.Equal(EventLedgerStatus.Applied, (await _rig.Host.ReadLedgerAsync("msg:m_new")).Status);

        // The next poll starts where this one ended: the message is not fed again.
        var again = await _rig.RunAsync();
        Assert.Equal(0, again.MessagesFed);
        Assert.Empty(await _rig.PeekQueuedAsync());
    }

    [Fact]
    public async Task A_message_the_webhook_delivered_is_not_fed_again_by_the_poll()
    {
        await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        var accepted = await _rig.PostAsync(WebhookMessage("evt_from_webhook", "m_both", "+12015550001"));
        Assert.Equal("msg:m_both", accepted.EventId);
        Roezan.AddInboundMessage("c_1", "m_both", "Is the offer still on?", DateTimeOffset.UtcNow.AddMinutes(-2));

        var summary = await _rig.RunAsync();

        Assert.Equal(0, summary.MessagesFed);
        var queued = Assert.Single(await _rig.PeekQueuedAsync());
        Assert.Equal("msg:m_both", queued.Event.Id);
        await _rig.DrainAsync();
        Assert.Single(_rig.Simulator.State.ChildrenOf(ReconcileRig.LocationId, (string)Assert.Single(_rig.Simulator.State.ContactsOf(ReconcileRig.LocationId))["id"]!, ChildKind.Note));
    }

    [Fact]
    public async Task The_webhook_answers_duplicate_for_a_message_the_poll_already_fed()
    {
        await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        Roezan.AddInboundMessage("c_1", "m_late", "hello", DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(1, (await _rig.RunAsync()).MessagesFed);

        var late = await _rig.PostAsync(WebhookMessage("evt_late_webhook", "m_late", "+12015550001"));

        Assert.Equal(RoezanIngestOutcome.Duplicate, late.Outcome);
        Assert.Single(await _rig.PeekQueuedAsync());
    }

    [Fact]
    public async Task A_contact_known_only_by_its_number_is_looked_up_in_roezan_first()
    {
        var state = ReconcileRig.Person(3);
        var ghlId = (string)_rig.Simulator.State.SeedContact(ReconcileRig.LocationId, new JsonObject { ["phone"] = state.Phone })["id"]!;
        await _rig.Links.RecordContactAsync(ReconcileRig.LocationId, ReconcileRig.AccountId, ghlId, new ContactIdentity { Phone = state.Phone }, new ContactSnapshot { GhlContactId = ghlId, Fields = new ContactFields { Phone = state.Phone } }, "evt_first_message", CancellationToken.None);
        Roezan.AddContact("c_3", state.Phone!);
        Roezan.AddInboundMessage("c_3", "m_3", "hi", DateTimeOffset.UtcNow.AddMinutes(-1));

        var summary = await _rig.RunAsync();

        Assert.Equal((1, 2), (summary.MessagesFed, summary.RoezanCallsSpent));
        Assert.Equal(["/api/integrations/contacts", "/api/integrations/contacts/c_3/messages"], Roezan.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task When_the_roezan_budget_runs_out_the_next_run_polls_the_contacts_left()
    {
        await using var rig = await ReconcileRig.StartAsync(new Dictionary<string, string?> { ["Sync:ReconcileRoezanCallBudget"] = "1" }, withRoezan: true);
        await rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        await rig.LinkContactAsync("c_2", ReconcileRig.Person(2));
        rig.Roezan!.AddInboundMessage("c_1", "m_a", "one", DateTimeOffset.UtcNow.AddMinutes(-1));
        rig.Roezan.AddInboundMessage("c_2", "m_b", "two", DateTimeOffset.UtcNow.AddMinutes(-1));

        var first = await rig.RunAsync();
        var second = await rig.RunAsync();

        Assert.Equal((ReconcileRunOutcome.Stopped, 1), (first.Outcome, first.MessagesFed));
        Assert.Contains("Roezan call budget", first.Reason, StringComparison.Ordinal);
        Assert.Equal(1, second.MessagesFed);
        Assert.Equal(["msg:m_a", "msg:m_b"], (await rig.PeekQueuedAsync()).Select(queued => queued.Event.Id!).Order(StringComparer.Ordinal));
        // Each contact was asked once: the second run went on after the first one's contact.
        Assert.Equal(2, rig.Roezan.Requests.Select(request => request.Path).Distinct().Count());
    }

    [Fact]
    public async Task A_roezan_rate_limit_stops_the_poll_and_the_drift_sweep_still_runs()
    {
        var ghlId = await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        _rig.EditInGhl(ghlId, new JsonObject { ["lastName"] = "Changed" });
        Roezan.ForcedStatus = 429;

        var summary = await _rig.RunAsync();

        Assert.Equal((ReconcileRunOutcome.Stopped, 0, 1), (summary.Outcome, summary.MessagesFed, summary.Repaired));
        Assert.Contains("Roezan rate limit", summary.Reason, StringComparison.Ordinal);
        var cursor = await _rig.Cursors.GetMessageCursorAsync(ReconcileRig.LocationId, ReconcileRig.AccountId, CancellationToken.None);
        Assert.Null(cursor.AfterContact);
    }
}
