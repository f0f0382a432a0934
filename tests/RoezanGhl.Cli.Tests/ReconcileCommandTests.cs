using System.Text.Json.Nodes;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class ReconcileCommandTests : IAsyncLifetime
{
    private CliRig _rig = null!;
    private string _ghlId = null!;

    public async Task InitializeAsync()
    {
        _rig = await CliRig.StartAsync();
        // The hand edit below is drift to repair (one way), not a GHL change for the catch-up to send to Roezan.
        _rig.Values["Sync__ReconcileGhlChanges"] = "false";
        _rig.WriteSettings();
        var state = new ContactFields { FirstName = "Ana", LastName = "Diaz", Phone = "+12015550123", Tags = ["vip"] };
        _ghlId = (string)_rig.Simulator.State.SeedContact(CliRig.LocationId, new JsonObject { ["firstName"] = "Ana", ["lastName"] = "Edited by hand", ["phone"] = "+12015550123", ["tags"] = new JsonArray("vip") })["id"]!;
        await _rig.Host.Links.RecordContactAsync(CliRig.LocationId, CliRig.AccountId, _ghlId, new ContactIdentity { RoezanContactId = "c_1", Phone = state.Phone }, new ContactSnapshot { GhlContactId = _ghlId, Fields = state, LastEventId = "evt_0" }, "evt_0", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private string? LastName => (string?)_rig.Simulator.State.ContactsOf(CliRig.LocationId).Single()["lastName"];

    [Fact]
    public async Task A_dry_run_shows_each_step_and_reports_the_drift_without_touching_ghl()
    {
        var result = await _rig.RunAsync("reconcile", "--location", CliRig.LocationId, "--dry-run");

        Assert.True(result.Exit == 0, result.ToString());
        foreach (var step in new[] { "tokens", "re-drive", "missed messages", "drift" })
        {
            Assert.Contains($"… {step}", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("dry run: nothing is changed", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"reported\s+│ 1", result.Output);
        Assert.Matches(@"repaired\s+│ 0", result.Output);
        Assert.Equal("Edited by hand", LastName);
    }

    [Fact]
    public async Task A_run_repairs_the_drift_and_prints_its_summary()
    {
        var result = await _rig.RunAsync("reconcile", "--location", CliRig.LocationId);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"outcome\s+│ completed", result.Output);
        Assert.Matches(@"repaired\s+│ 1", result.Output);
        Assert.Matches(@"GHL calls spent\s+│ 2", result.Output);
        Assert.Equal("Diaz", LastName);
        var stored = await _rig.Host.Get<ReconcileSummaryStore>().ListAsync(CliRig.LocationId, 1, CancellationToken.None);
        Assert.Equal(1, Assert.Single(stored).Repaired);
    }

    [Fact]
    public async Task A_location_no_account_feeds_is_one_line_listing_the_known_ones()
    {
        var result = await _rig.RunAsync("reconcile", "--location", "loc-nobody");

        Assert.Equal(1, result.Exit);
        Assert.Equal("error: no Roezan account is configured for GHL location 'loc-nobody' (known: loc-acme)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task While_another_run_holds_the_location_it_backs_off_with_a_non_zero_exit()
    {
        var held = await _rig.Host.Get<ReconcileLocationLease>().TryAcquireAsync(CliRig.LocationId, CancellationToken.None);
        await using (held)
        {
            var result = await _rig.RunAsync("reconcile", "--location", CliRig.LocationId);

            Assert.Equal(1, result.Exit);
            Assert.Contains("another reconciliation of GHL location 'loc-acme' is running", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.Equal("Edited by hand", LastName);
        }
    }
}
