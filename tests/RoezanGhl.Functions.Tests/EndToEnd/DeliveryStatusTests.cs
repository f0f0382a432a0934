using System.Text.Json.Nodes;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Automations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Roezan's delivery reports (<c>message.status</c>) of a reply typed in GHL, end to end: the GHL simulator plays the
/// user, the app sends through the Roezan simulator, which then reports Sent and Delivered (or Undelivered) through the
/// signed webhook door, and GHL's message ends with Roezan's final status.
/// </summary>
[IntegrationLane]
public sealed class DeliveryStatusTests
{
    private static readonly KeyValuePair<string, string?>[] AwaitReports = [new("Conversations:AcceptedReplyStatus", "pending")];

    [Fact]
    public async Task A_reply_is_sent_once_shows_pending_and_then_delivered_when_roezan_reports_it_delivered()
    {
        await using var world = await ReplyWorld.StartAsync(null, roezan: DeliveryReports(DeliveryReportMode.Delivered), settings: AwaitReports);
        var contactId = world.SeedContact("+12015550191");

        var messageId = await world.UserRepliesAsync(contactId, "your table is ready");
        await world.SettleAsync();

        var text = Assert.Single(world.RoezanTexts());
        Assert.Equal("delivered", world.StatusOf(contactId, messageId));
        // The report may overtake the reply's own "pending" (both wait out GHL's refusal): GHL ends on the report either way.
        var updates = world.StatusUpdatesOf(messageId);
        Assert.Contains("pending", updates);
        Assert.Equal("delivered", updates[^1]);
        var send = await world.App.Get<SmsSendStore>().FindByRoezanMessageIdAsync(AppTestHost.AccountId, text.Id, default);
        Assert.Equal((RoezanDeliveryStatus.Delivered, "ghl-reply:" + messageId), (send!.DeliveryStatus, send.Send.SendId));
        Assert.Equal(EventLedgerStatus.Applied, (await world.App.ReadLedgerAsync(RoezanMessageEventId.ForStatus(text.Id, "Delivered"))).Status);
    }

    [Fact]
    public async Task An_undelivered_reply_shows_failed_in_ghl_with_roezans_code_and_reason_after_it_showed_delivered()
    {
        await using var world = await ReplyWorld.StartAsync(null, roezan: DeliveryReports(DeliveryReportMode.Undelivered));
        var contactId = world.SeedContact("+12015550192");

        var messageId = await world.UserRepliesAsync(contactId, "see you at noon");
        await world.SettleAsync();

        Assert.Single(world.RoezanTexts());
        Assert.Equal("failed", world.StatusOf(contactId, messageId));
        var updates = world.App.Simulator.State.Conversations.StatusUpdatesOf(messageId);
        Assert.Contains(updates, update => update.Status == "delivered");
        Assert.Equal("failed", updates[^1].Status);
        var error = updates[^1].Error!;
        Assert.Equal((RoezanWebhookEvents.UndeliveredCode, "roezan", RoezanWebhookEvents.UndeliveredReason), ((string?)error["code"], (string?)error["type"], (string?)error["message"]));
    }

    [Fact]
    public async Task Redelivered_and_reordered_status_webhooks_change_nothing_twice()
    {
        await using var world = await ReplyWorld.StartAsync(null, roezan: DeliveryReports(DeliveryReportMode.Delivered), settings: AwaitReports);
        var contactId = world.SeedContact("+12015550193");
        var messageId = await world.UserRepliesAsync(contactId, "running late");
        await world.SettleAsync();
        var roezanId = Assert.Single(world.RoezanTexts()).Id;
        var updatesBefore = world.StatusUpdatesOf(messageId);

        var again = await world.App.IngestAsync(StatusBody("evt_again", roezanId, "Delivered"));
        var latePending = await world.App.IngestAsync(StatusBody("evt_late_pending", roezanId, "Pending"));
        var contrary = await world.App.IngestAsync(StatusBody("evt_contrary", roezanId, "Undelivered"));
        await world.SettleAsync();

        Assert.Equal((RoezanIngestOutcome.Duplicate, RoezanIngestOutcome.Accepted, RoezanIngestOutcome.Accepted), (again.Outcome, latePending.Outcome, contrary.Outcome));
        Assert.Equal("delivered", updatesBefore[^1]);
        Assert.Equal(updatesBefore, world.StatusUpdatesOf(messageId));
        Assert.Equal("delivered", world.StatusOf(contactId, messageId));
        Assert.Equal(EventLedgerStatus.Skipped, (await world.App.ReadLedgerAsync(RoezanMessageEventId.ForStatus(roezanId, "Pending"))).Status);
        Assert.Equal(EventLedgerStatus.Skipped, (await world.App.ReadLedgerAsync(RoezanMessageEventId.ForStatus(roezanId, "Undelivered"))).Status);
        Assert.Single(world.RoezanTexts());
    }

    [Fact]
    public async Task A_delivered_report_that_overtakes_sent_leaves_the_message_delivered()
    {
        await using var world = await ReplyWorld.StartAsync(null, withRoezan: true, settings: AwaitReports);
        var contactId = world.SeedContact("+12015550194");
        var messageId = await world.UserRepliesAsync(contactId, "on my way");
        await world.SettleAsync();
        var roezanId = Assert.Single(world.RoezanTexts()).Id;

        await world.App.IngestAsync(StatusBody("evt_delivered", roezanId, "Delivered"));
        await world.SettleAsync();
        await world.App.IngestAsync(StatusBody("evt_sent", roezanId, "Sent"));
        await world.SettleAsync();

        Assert.Equal(["pending", "delivered"], world.StatusUpdatesOf(messageId));
        var send = await world.App.Get<SmsSendStore>().ReadAsync(AppTestHost.AccountId, "ghl-reply:" + messageId, default);
        Assert.Equal(RoezanDeliveryStatus.Delivered, send!.DeliveryStatus);
    }

    [Fact]
    public async Task An_automated_texts_status_is_kept_in_the_send_ledger_and_ghl_is_not_called()
    {
        await using var world = await ReplyWorld.StartAsync(null, roezan: DeliveryReports(DeliveryReportMode.Delivered));
        var result = await world.App.Get<ISmsSender>().SendOnceAsync("auto:reminder-1", AppTestHost.AccountId, "+12015550195", "Reminder: your visit is tomorrow", default);
        await world.SettleAsync();

        Assert.Equal(SmsSendState.Sent, result.State);
        var send = await world.App.Get<SmsSendStore>().ReadAsync(AppTestHost.AccountId, "auto:reminder-1", default);
        Assert.Equal(RoezanDeliveryStatus.Delivered, send!.DeliveryStatus);
        Assert.DoesNotContain(world.App.Simulator.State.Recorded, request => request.Path.EndsWith("/status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_status_for_a_message_no_send_has_is_acknowledged_and_logged_without_personal_data()
    {
        await using var world = await ReplyWorld.StartAsync(null, withRoezan: true, settings: [new("Conversations:UnknownMessageWait", "00:00:00")]);

        var answer = await world.App.IngestAsync(StatusBody("evt_stranger", "msg_sent_from_roezans_app", "Delivered"));
        await world.SettleAsync();

        Assert.Equal(RoezanIngestOutcome.Accepted, answer.Outcome);
        var entry = await world.App.ReadLedgerAsync(RoezanMessageEventId.ForStatus("msg_sent_from_roezans_app", "Delivered"));
        Assert.Equal(EventLedgerStatus.Skipped, entry.Status);
        var logged = Assert.Single(world.App.Logs.GetSnapshot(), record => record.Id.Id == 5692);
        Assert.Contains("msg_sent_from_roezans_app", logged.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.App.Pump.Poisoned);
    }

    private static Func<RoezanSimulatorSettings, RoezanSimulatorSettings> DeliveryReports(DeliveryReportMode mode) =>
        settings => settings with { DeliveryReports = mode };

    private static string StatusBody(string eventId, string roezanMessageId, string status) =>
        new JsonObject
        {
            ["id"] = eventId,
            ["type"] = RoezanEventTypes.MessageStatus,
            ["occurredAt"] = "2026-11-24T10:00:00Z",
            ["data"] = new JsonObject { ["message"] = new JsonObject { ["id"] = roezanMessageId, ["status"] = status } },
        }.ToJsonString();
}
