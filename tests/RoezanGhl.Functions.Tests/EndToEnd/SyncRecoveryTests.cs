using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Ghl;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>What happens when a delivery dies half-way, or never succeeds.</summary>
[IntegrationLane]
public sealed class SyncRecoveryTests
{
    [Fact]
    public async Task Delivery_that_dies_after_a_step_is_resumed_at_the_next_step_and_repeats_none()
    {
        var crash = new CrashPlan(before: typeof(AddTagsStep));
        await using var app = await AppTestHost.Create().WithServices(crash.Install).StartAsync();

        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0120", "ann@example.com", "Ann", tags: ["vip"])]);
        await app.DrainAsync();

        Assert.Equal(1, crash.Crashes);
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "POST" && request.Path == "/contacts/upsert");
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "POST" && request.Path.EndsWith("/tags", StringComparison.Ordinal));
        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal("vip", (string?)contact["tags"]![0]);
        var ledger = await app.ReadLedgerAsync("evt_1");
        Assert.Equal(EventLedgerStatus.Applied, ledger.Status);
        Assert.Equal(2, ledger.Attempts);
    }

    [Fact]
    public async Task Delivery_that_dies_after_ghl_made_the_note_finds_it_instead_of_making_another()
    {
        var crash = new CrashPlan(after: typeof(CreateNoteStep));
        await using var app = await AppTestHost.Create().WithServices(crash.Install).StartAsync();

        await app.PostAllAsync([Message("evt_m1", "(201) 555-0121", "only once please", fromName: "Bea")]);
        await app.DrainAsync();

        Assert.Equal(1, crash.Crashes);
        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Single(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, (string)contact["id"]!, ChildKind.Note));
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "POST" && request.Path.EndsWith("/notes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_that_keeps_failing_goes_to_the_poison_queue_recorded_as_failed_and_notified()
    {
        var notices = new ConcurrentQueue<FailureNotice>();
        await using var app = await AppTestHost.Create().WithServices(services => services.Replace(ServiceDescriptor.Singleton<IFailureNotifier>(new RecordingNotifier(notices)))).StartAsync();
        app.Simulator.Settings = app.Simulator.Settings with { ServerErrorRatio = 1.0 };

        await app.PostAllAsync([Message("evt_m1", "(201) 555-0122", "never lands", fromName: "Cal")]);
        await app.DrainAsync();

        Assert.Equal(1, app.Pump.Poisoned);
        Assert.Single(await app.Pump.PeekPoisonAsync());
        var ledger = await app.ReadLedgerAsync(MessageKey("evt_m1"));
        Assert.Equal(EventLedgerStatus.Failed, ledger.Status);
        Assert.StartsWith("gave up after 5 attempts", ledger.LastError, StringComparison.Ordinal);
        var notice = Assert.Single(notices);
        Assert.Equal(MessageKey("evt_m1"), notice.EventId);
        Assert.Equal(AppTestHost.LocationId, notice.LocationId);
    }

    [Fact]
    public async Task Permanent_failure_is_notified_once_with_ghl_message()
    {
        var notices = new ConcurrentQueue<FailureNotice>();
        await using var app = await AppTestHost.Create().WithServices(services => services.Replace(ServiceDescriptor.Singleton<IFailureNotifier>(new RecordingNotifier(notices)))).StartAsync();
        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0123", firstName: "Dee")]);
        await app.DrainAsync();
        app.Simulator.State.DeleteContact(null, (string)app.Simulator.State.ContactsOf(AppTestHost.LocationId)[0]["id"]!);

        await app.PostAllAsync([Note("evt_n1", "c_1", "lost contact")]);
        await app.DrainAsync();

        var notice = Assert.Single(notices);
        Assert.Equal("Failed", notice.Status);
        Assert.Contains("404", notice.Reason, StringComparison.Ordinal);
    }

    private sealed class RecordingNotifier(ConcurrentQueue<FailureNotice> notices) : IFailureNotifier
    {
        public void Notify(FailureNotice notice) => notices.Enqueue(notice);
    }
}
