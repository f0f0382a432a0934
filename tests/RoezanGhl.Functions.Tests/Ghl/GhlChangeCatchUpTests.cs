using System.Text.Json.Nodes;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// Reconciliation's catch-up of GHL changes whose webhook never came: both simulators, the GHL door, the queue, the
/// reconciler. A webhook is lost with the GHL simulator's <c>DropNext</c>.
/// </summary>
[IntegrationLane]
public class GhlChangeCatchUpTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;

    private static Task<AppTestHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var builder = AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks();
        foreach (var (key, value) in settings)
        {
            builder.WithSetting(key, value);
        }

        return builder.StartAsync();
    }

    private static async Task SettleAsync(AppTestHost host)
    {
        for (var round = 0; round < 3; round++)
        {
            await host.GhlWebhooks.WaitUntilDrainedAsync();
            await host.DrainAsync();
            await host.Roezan.Simulator.WaitForWebhooksAsync();
        }

        await host.DrainAsync();
    }

    private static Task<ReconcileRunSummary> ReconcileAsync(AppTestHost host) =>
        host.Get<Reconciler>().ReconcileLocationAsync(Location, dryRun: false, progress: null, CancellationToken.None);

    private static string CreateInGhl(AppTestHost host, int i) =>
        host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone(i), ["firstName"] = $"Start{i}", ["lastName"] = "Lopez", ["email"] = $"c{i}@example.com" })["id"]!.GetValue<string>();

    private static string Phone(int i) => $"+1201555{i / 100 % 10}1{i % 100:00}";

    private static async Task<List<EventLedgerEntry>> ReconciledAsync(AppTestHost host)
    {
        var entries = new List<EventLedgerEntry>();
        foreach (var id in (await host.LedgerStatusesAsync()).Keys.Where(id => id.StartsWith("ghl:reconcile:", StringComparison.Ordinal)))
        {
            entries.Add(await host.ReadLedgerAsync(id));
        }

        return entries;
    }

    [Fact]
    public async Task A_ghl_change_whose_webhook_was_dropped_is_applied_by_the_next_reconcile_run_once()
    {
        await using var host = await StartAsync();
        var id = CreateInGhl(host, 1);
        await SettleAsync(host);

        host.GhlWebhooks.Sender.DropNext(1);
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Changed" });
        await SettleAsync(host);
        Assert.Equal(1, host.GhlWebhooks.Sender.Dropped);
        Assert.Equal("Start1", host.Roezan.Simulator.State.FindContact(Account, Phone(1))!.FirstName);

        var first = await ReconcileAsync(host);
        await SettleAsync(host);
        var second = await ReconcileAsync(host);
        await SettleAsync(host);

        Assert.Equal((ReconcileRunOutcome.Completed, 1), (first.Outcome, first.GhlChangesFed));
        Assert.Equal((ReconcileRunOutcome.Completed, 0), (second.Outcome, second.GhlChangesFed));
        Assert.Equal("Changed", host.Roezan.Simulator.State.FindContact(Account, Phone(1))!.FirstName);
        Assert.Equal("Changed", host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id)["firstName"]!.GetValue<string>());
        var fed = Assert.Single(await ReconciledAsync(host));
        Assert.Equal(EventLedgerStatus.Applied, fed.Status);
        Assert.Single(host.Roezan.Simulator.State.ContactsOf(Account));
    }

    [Fact]
    public async Task A_change_the_door_delivered_and_reconcile_also_fed_is_written_to_roezan_once()
    {
        await using var host = await StartAsync();
        var id = CreateInGhl(host, 2);
        await SettleAsync(host);
        var upsertsBefore = RoezanUpserts(host);

        // The door queues the change; before the queue runs, reconcile finds the same change and feeds it too.
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["lastName"] = "Both" });
        await host.GhlWebhooks.WaitUntilDrainedAsync();
        var run = await ReconcileAsync(host);
        await SettleAsync(host);

        Assert.Equal(1, run.GhlChangesFed);
        Assert.Equal("Both", host.Roezan.Simulator.State.FindContact(Account, Phone(2))!.LastName);
        Assert.Equal(1, RoezanUpserts(host) - upsertsBefore);
        // Which copy writes depends on the queue's order (the door's or reconcile's); the other finds Roezan in step.
        // Written once is the upsert count above; here the fed copy is final, not failed or left queued.
        var fed = Assert.Single(await ReconciledAsync(host));
        Assert.Contains(fed.Status, new[] { EventLedgerStatus.Skipped, EventLedgerStatus.Applied });

        // Once applied, a later run finds the contact in step and feeds nothing.
        Assert.Equal(0, (await ReconcileAsync(host)).GhlChangesFed);
    }

    [Fact]
    public async Task The_call_budget_stops_a_large_catch_up_the_cursor_advances_and_the_next_run_continues()
    {
        await using var host = await StartAsync(("Sync:ReconcileCallBudget", "2"), ("Ghl:PageSize", "5"));
        await host.RawQueue.CreateIfNotExistsAsync(); // Every webhook is lost: nothing else would create it before the first drain.
        host.GhlWebhooks.Sender.DropNext(12);
        for (var i = 0; i < 12; i++)
        {
            CreateInGhl(host, 10 + i);
        }

        await SettleAsync(host);
        Assert.Empty(host.Roezan.Simulator.State.ContactsOf(Account));
        var cursors = host.Get<ReconcileCursorStore>();

        var first = await ReconcileAsync(host);
        var afterFirst = await cursors.GetGhlChangeCursorAsync(Location, CancellationToken.None);
        await SettleAsync(host);
        var second = await ReconcileAsync(host);
        var afterSecond = await cursors.GetGhlChangeCursorAsync(Location, CancellationToken.None);
        await SettleAsync(host);

        Assert.Equal((ReconcileRunOutcome.Stopped, 10, 2), (first.Outcome, first.GhlChangesFed, first.CallsSpent));
        Assert.NotNull(afterFirst.SearchAfter);
        Assert.Equal(2, second.GhlChangesFed);
        Assert.Null(afterSecond.SearchAfter);
        Assert.True(afterSecond.Since > afterFirst.Since, $"the walk's start did not move: {afterFirst.Since:O} → {afterSecond.Since:O}");
        Assert.Equal(12, host.Roezan.Simulator.State.ContactsOf(Account).Count);
        Assert.Equal(12, (await ReconciledAsync(host)).Count(entry => entry.Status == EventLedgerStatus.Applied));
    }

    private static long RoezanUpserts(AppTestHost host) =>
        host.Roezan.Simulator.State.Recorded.Count(request => request.Method == "POST" && request.Path.Contains("contacts", StringComparison.Ordinal));
}
