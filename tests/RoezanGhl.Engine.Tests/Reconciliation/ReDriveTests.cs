using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Engine.Tests.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public sealed class ReDriveTests : IAsyncLifetime
{
    private ReconcileRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReconcileRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static string ContactCreated(string id) => $$$$"""
        {"id":"{{{{id}}}}","type":"contact.created","occurredAt":"2026-11-24T09:00:00Z",
         "data":{"contact":{"id":"c_9","firstName":"Bo","phone":"(201) 555-0109","tags":["lead"]}}}
        """;

    [Fact]
    public async Task An_event_that_ended_in_the_poison_queue_goes_back_with_its_history_and_is_then_applied_once()
    {
        Assert.True((await _rig.PostAsync(ContactCreated("evt_poisoned"))).IsSuccess);
        _rig.Simulator.Settings = _rig.Simulator.Settings with { ServerErrorBurst = 1_000 };
        var pump = await _rig.DrainAsync();
        Assert.Equal(1, pump.Poisoned);
        var failed = await _rig.Host.ReadLedgerAsync("evt_poisoned");
        Assert.Equal(EventLedgerStatus.Failed, failed.Status);
        var poisonText = (await _rig.RawPoison.PeekMessagesAsync()).Value.Single().MessageText;

        _rig.Simulator.Settings = _rig.Simulator.Settings with { ServerErrorBurst = 0 };
        var summary = await _rig.RunAsync();

        // The failure is counted before the re-drive puts it back to Queued: the summary shows it.
        Assert.Equal((1, 1), (summary.ReDriven, summary.PermanentFailures));
        Assert.Empty((await _rig.RawPoison.PeekMessagesAsync()).Value);
        var requeued = Assert.Single((await _rig.RawQueue.PeekMessagesAsync()).Value);
        // Written as the trigger reads it (Base64) and byte for byte the event that was poisoned.
        Assert.Equal(HostQueueMessageEncoding.DecodeAsTrigger(poisonText).ToString(), HostQueueMessageEncoding.DecodeAsTrigger(requeued.MessageText).ToString());
        var reopened = await _rig.Host.ReadLedgerAsync("evt_poisoned");
        Assert.Equal(EventLedgerStatus.Queued, reopened.Status);
        Assert.Equal(failed.Attempts, reopened.Attempts);
        Assert.Equal(failed.LastError, reopened.LastError);
        Assert.StartsWith("re-driven from the poison queue by reconcile:", reopened.Outcome, StringComparison.Ordinal);
        Assert.Equal((0, 1), (failed.ReDrives, reopened.ReDrives));

        await _rig.DrainAsync();

        var applied = await _rig.Host.ReadLedgerAsync("evt_poisoned");
        Assert.Equal(EventLedgerStatus.Applied, applied.Status);
        Assert.Equal(failed.Attempts + 1, applied.Attempts);
        var contact = Assert.Single(_rig.Simulator.State.ContactsOf(ReconcileRig.LocationId));
        Assert.Equal("+12015550109", (string?)contact["phone"]);
    }

    [Fact]
    public async Task An_event_that_fails_after_every_re_drive_is_given_up_after_three_notified_once_and_left_in_the_poison_queue()
    {
        var notifier = new ProcessingParts.RecordingNotifier();
        await using var rig = await ReconcileRig.StartAsync(configure: services => services.AddSingleton<IFailureNotifier>(notifier));
        Assert.True((await rig.PostAsync(ContactCreated("evt_doomed"))).IsSuccess);
        rig.Simulator.Settings = rig.Simulator.Settings with { ServerErrorBurst = 1_000_000 };
        Assert.Equal(1, (await rig.DrainAsync()).Poisoned);

        for (var reDrive = 1; reDrive <= 3; reDrive++)
        {
            Assert.Equal(1, (await rig.RunAsync()).ReDriven);
            // The pump counts every message it poisoned since it started.
            Assert.Equal(1 + reDrive, (await rig.DrainAsync()).Poisoned);
        }

        var fourth = await rig.RunAsync();
        var fifth = await rig.RunAsync();

        Assert.Equal((0, 1), (fourth.ReDriven, fourth.PermanentFailures));
        Assert.Equal(0, fifth.ReDriven);
        var entry = await rig.Host.ReadLedgerAsync("evt_doomed");
        Assert.Equal((EventLedgerStatus.Failed, 3), (entry.Status, entry.ReDrives));
        Assert.StartsWith("failed again after 3 re-drive(s) from the poison queue: ", entry.LastError, StringComparison.Ordinal);
        Assert.Single((await rig.RawPoison.PeekMessagesAsync(10)).Value);
        Assert.Empty(await rig.PeekQueuedAsync());
        var notice = Assert.Single(notifier.Notices, notice => notice.Reason.StartsWith("failed again after", StringComparison.Ordinal));
        Assert.Equal(("evt_doomed", ReconcileRig.LocationId, "Failed"), (notice.EventId, notice.LocationId, notice.Status));
    }

    [Fact]
    public async Task A_person_can_still_replay_an_event_the_reconciler_gave_up()
    {
        var queued = new QueuedRoezanEvent { AccountId = ReconcileRig.AccountId, AcceptedAt = DateTimeOffset.UtcNow, Event = new RoezanEvent { Id = "evt_manual", Type = RoezanEventTypes.NoteCreated } };
        await _rig.RawPoison.CreateIfNotExistsAsync();
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(RoezanEventQueueClient.Serialize(queued).ToArray()));
        await _rig.Host.ArrangeLedgerAsync("evt_manual", entry => entry with { Status = EventLedgerStatus.Failed, ReDrives = 3, Attempts = 20 });

        Assert.Equal(0, (await _rig.RunAsync()).ReDriven);
        var items = await _rig.Get<PoisonReplayer>().ReplayAsync(new PoisonReplayFilter { Id = "evt_manual" }, dryRun: false, null, CancellationToken.None);

        Assert.Equal(PoisonReplayAction.Moved, Assert.Single(items).Action);
        Assert.Equal((EventLedgerStatus.Queued, 4), ((await _rig.Host.ReadLedgerAsync("evt_manual")).Status, (await _rig.Host.ReadLedgerAsync("evt_manual")).ReDrives));
    }

    [Fact]
    public async Task A_permanent_failure_is_counted_and_left_for_a_person()
    {
        await _rig.Host.ArrangeLedgerAsync("evt_refused", entry => entry with { Status = EventLedgerStatus.Failed, Attempts = 1, LastError = "GHL POST /contacts/ answered 422: email must be an email" });

        var summary = await _rig.RunAsync();

        Assert.Equal((0, 1), (summary.ReDriven, summary.PermanentFailures));
        Assert.Equal(EventLedgerStatus.Failed, (await _rig.Host.ReadLedgerAsync("evt_refused")).Status);
        Assert.Empty(await _rig.PeekQueuedAsync());
        // Counted once: the next run counts only failures since this one.
        Assert.Equal(0, (await _rig.RunAsync()).PermanentFailures);
    }

    [Fact]
    public async Task A_poison_copy_of_an_event_applied_meanwhile_is_dropped_not_queued()
    {
        var queued = new QueuedRoezanEvent { AccountId = ReconcileRig.AccountId, AcceptedAt = DateTimeOffset.UtcNow, Event = new RoezanEvent { Id = "evt_done", Type = RoezanEventTypes.NoteCreated } };
        await _rig.RawPoison.CreateIfNotExistsAsync();
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(RoezanEventQueueClient.Serialize(queued).ToArray()));
        await _rig.Host.ArrangeLedgerAsync("evt_done", entry => entry with { Status = EventLedgerStatus.Applied, Attempts = 2 });

        var summary = await _rig.RunAsync();

        Assert.Equal(0, summary.ReDriven);
        Assert.Empty((await _rig.RawPoison.PeekMessagesAsync()).Value);
        Assert.Empty(await _rig.PeekQueuedAsync());
        Assert.Equal(EventLedgerStatus.Applied, (await _rig.Host.ReadLedgerAsync("evt_done")).Status);
    }

    [Fact]
    public async Task Poison_messages_of_other_accounts_and_unreadable_ones_stay_where_they_are()
    {
        await _rig.RawPoison.CreateIfNotExistsAsync();
        var other = new QueuedRoezanEvent { AccountId = "someone-else", AcceptedAt = DateTimeOffset.UtcNow, Event = new RoezanEvent { Id = "evt_other", Type = RoezanEventTypes.NoteCreated } };
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(RoezanEventQueueClient.Serialize(other).ToArray()));
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("not json at all")));
        await _rig.RawPoison.SendMessageAsync("{\"written\":\"without Base64 by some other producer\"}");

        var summary = await _rig.RunAsync();

        Assert.Equal((ReconcileRunOutcome.Completed, 0), (summary.Outcome, summary.ReDriven));
        Assert.Equal(3, (await _rig.RawPoison.PeekMessagesAsync(10)).Value.Length);
        Assert.Empty(await _rig.PeekQueuedAsync());
    }

    [Fact]
    public async Task A_dry_run_counts_what_it_would_re_drive_and_moves_nothing()
    {
        await _rig.RawPoison.CreateIfNotExistsAsync();
        var queued = new QueuedRoezanEvent { AccountId = ReconcileRig.AccountId, AcceptedAt = DateTimeOffset.UtcNow, Event = new RoezanEvent { Id = "evt_waiting", Type = RoezanEventTypes.NoteCreated } };
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(RoezanEventQueueClient.Serialize(queued).ToArray()));

        var summary = await _rig.RunAsync(dryRun: true);

        Assert.Equal(1, summary.ReDriven);
        Assert.Single((await _rig.RawPoison.PeekMessagesAsync(10)).Value);
        Assert.Empty(await _rig.PeekQueuedAsync());
    }
}
