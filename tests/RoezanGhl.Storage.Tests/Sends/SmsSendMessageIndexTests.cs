using Azure.Data.Tables;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sms;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Storage.Tests.Sends;

/// <summary>A send Roezan accepted is found by Roezan's message id (the index row written with it), and only then.</summary>
[IntegrationLane]
public sealed class SmsSendMessageIndexTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sent_row_is_found_by_roezans_message_id_and_keeps_its_delivery_status()
    {
        var store = NewStore();
        var (_, planned) = await store.AddAsync(Planned("ghl-reply:m-1"), default);

        var sent = await store.TryUpdateAsync(planned with { State = SmsSendState.Sent, RoezanMessageId = "msg/1#a" }, default);
        var delivered = await store.TryUpdateAsync(sent! with { DeliveryStatus = RoezanDeliveryStatus.Undelivered, DeliveryErrorCode = "30003", DeliveryError = "Unreachable" }, default);
        var found = await store.FindByRoezanMessageIdAsync("acme", "msg/1#a", default);

        Assert.NotNull(delivered);
        Assert.Equal(("ghl-reply:m-1", RoezanDeliveryStatus.Undelivered, "30003", "Unreachable"), (found!.Send.SendId, found.DeliveryStatus, found.DeliveryErrorCode, found.DeliveryError));
    }

    [Fact]
    public async Task A_row_not_sent_yet_or_another_accounts_is_not_found_by_message_id()
    {
        var store = NewStore();
        var (_, planned) = await store.AddAsync(Planned("auto:1"), default);
        await store.TryUpdateAsync(planned with { State = SmsSendState.Sending, RoezanMessageId = "msg_early" }, default);

        Assert.Null(await store.FindByRoezanMessageIdAsync("acme", "msg_early", default));
        Assert.Null(await store.FindByRoezanMessageIdAsync("other", "msg_early", default));
        Assert.Null(await store.FindByRoezanMessageIdAsync("acme", "msg_never", default));
    }

    [Fact]
    public async Task Marking_a_row_sent_with_a_stale_etag_changes_nothing_and_writes_no_index_row()
    {
        var store = NewStore();
        var (_, planned) = await store.AddAsync(Planned("auto:2"), default);
        Assert.NotNull(await store.TryUpdateAsync(planned with { Reason = "moved on" }, default));

        var stale = await store.TryUpdateAsync(planned with { State = SmsSendState.Sent, RoezanMessageId = "msg_stale" }, default);

        Assert.Null(stale);
        Assert.Null(await store.FindByRoezanMessageIdAsync("acme", "msg_stale", default));
        Assert.Equal(SmsSendState.Planned, (await store.ReadAsync("acme", "auto:2", default))!.State);
    }

    private static SmsSendStore NewStore()
    {
        Azurite.EnsureRunning();
        var names = StorageNames.From(new SyncOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..12] }, null);
        return new SmsSendStore(new TableServiceClient(Azurite.ConnectionString), names);
    }

    private static SmsSendRecord Planned(string sendId) => new()
    {
        Send = new PlannedSend
        {
            SendId = sendId, AccountId = "acme", AutomationName = "", Trigger = AutomationTriggerKind.ContactCreated, TriggerIdentity = sendId,
            TriggeredAt = At, ContactId = "", To = "+12015550199", Body = "Hello", Segments = SmsSegmentCounter.Count("Hello"), SendAt = At, RequestedAt = At,
        },
        State = SmsSendState.Planned,
        PlannedAt = At,
    };
}
