using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public sealed class RunCoordinationTests : IAsyncLifetime
{
    private ReconcileRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReconcileRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_run_backs_off_and_says_so_while_another_run_holds_the_location()
    {
        await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        var other = await _rig.Get<ReconcileLocationLease>().TryAcquireAsync(ReconcileRig.LocationId, CancellationToken.None);
        Assert.NotNull(other);

        ReconcileRunSummary blocked;
        await using (other)
        {
            blocked = await _rig.RunAsync();
        }

        Assert.Equal(ReconcileRunOutcome.LeaseHeld, blocked.Outcome);
        Assert.Equal(0, blocked.CallsSpent);
        Assert.Empty(_rig.Simulator.State.Recorded);
        Assert.Contains(_rig.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileLeaseHeld");
        // Released: the next run works the location.
        Assert.Equal(ReconcileRunOutcome.Completed, (await _rig.RunAsync()).Outcome);
    }

    [Fact]
    public async Task Two_overlapping_runs_never_work_one_location_together()
    {
        for (var n = 1; n <= 3; n++)
        {
            await _rig.LinkContactAsync($"c_{n}", ReconcileRig.Person(n));
        }

        _rig.Simulator.Settings = _rig.Simulator.Settings with { LatencyMs = 300 };

        var runs = await Task.WhenAll(_rig.RunAsync(), _rig.RunAsync());

        Assert.Equal([ReconcileRunOutcome.Completed, ReconcileRunOutcome.LeaseHeld], runs.Select(run => run.Outcome).Order());
        Assert.Single(_rig.Requests("GET", "/contacts/"));
    }

    [Fact]
    public async Task Every_run_leaves_a_summary_in_the_log_and_in_the_ledger_newest_first()
    {
        await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        var first = await _rig.RunAsync();
        var second = await _rig.RunAsync(dryRun: true);

        var stored = await _rig.Get<ReconcileSummaryStore>().ListAsync(ReconcileRig.LocationId, 10, CancellationToken.None);

        Assert.Equal([second.RunId, first.RunId], stored.Select(run => run.RunId));
        Assert.Equal((ReconcileRunOutcome.Completed, 1, 1, false), (stored[1].Outcome, stored[1].CallsSpent, stored[1].ContactsChecked, stored[1].DryRun));
        Assert.True(stored[0].DryRun);
        var logged = _rig.Logs.GetSnapshot().Where(record => record.Id.Name == "ReconcileRunSummary").ToList();
        Assert.Equal(2, logged.Count);
        Assert.Contains(logged[0].StructuredState!, pair => pair.Key == "LocationId" && pair.Value == ReconcileRig.LocationId);
        Assert.Contains(logged[0].StructuredState!, pair => pair.Key == "CallsSpent" && pair.Value == "1");
        // Summaries are not events: the ledger's history leaves them out.
        Assert.Empty(await _rig.Get<EventLedger>().QueryAsync(new EventLedgerQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task The_timer_reconciles_every_location_the_accounts_feed_each_once()
    {
        await using var rig = await ReconcileRig.StartAsync(
            new Dictionary<string, string?>
            {
                ["Roezan:Accounts:beta:GhlLocationId"] = "loc-beta",
                ["Roezan:Accounts:gamma:GhlLocationId"] = ReconcileRig.LocationId,
            },
            otherLocations: ["loc-beta"]);

        var summaries = await rig.Reconciler.RunAllAsync(CancellationToken.None);

        Assert.Equal([ReconcileRig.LocationId, "loc-beta"], summaries.Select(summary => summary.LocationId));
        Assert.All(summaries, summary => Assert.Equal(ReconcileRunOutcome.Completed, summary.Outcome));
        Assert.Equal(2, rig.Requests("GET", "/contacts/").Count);
    }

    [Fact]
    public async Task A_location_no_account_feeds_is_refused_with_its_setting_named()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => _rig.Reconciler.ReconcileLocationAsync("loc-unknown", dryRun: false, progress: null, CancellationToken.None));

        Assert.Contains("Roezan:Accounts:<id>:GhlLocationId", failure.Message, StringComparison.Ordinal);
    }
}
