using System.Text.Json.Nodes;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// The lost-update race of issue 14, reproduced deterministically: the same field changed on both sides, the Roezan
/// webhook held at the door's forwarder until the GHL change has been written to Roezan (overwriting Roezan's value),
/// then released. Both systems must end holding the winner, with no echo applied.
/// </summary>
[IntegrationLane]
public class ConflictConvergenceTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550178";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("ghl-wins", "Gina")]
    [InlineData("newest-wins", "Gina")]
    public async Task A_roezan_change_overwritten_by_a_ghl_change_before_its_webhook_is_processed_ends_with_the_winner_on_both_sides(string rule, string winner)
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithSetting("Sync:TwoWay:ConflictRule", rule)
            .WithSetting("Sync:TwoWay:ConflictWindow", "00:00:03")
            .StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone, ["firstName"] = "Ana", ["email"] = "ana@example.com" })["id"]!.GetValue<string>();
        await SettleAsync(host);
        var appliedBefore = await CountAsync(host, EventLedgerStatus.Applied);

        // Roezan's webhook about the creation is the link's last event: a GHL change within the window of it would be
        // taken for a conflict with a Roezan change. The race below happens after the window (real clocks: the
        // simulators and the pump run on wall time).
        await Task.Delay(Window + TimeSpan.FromMilliseconds(500));

        // Hold every Roezan webhook at the door until the GHL change has been applied.
        var door = host.Roezan.Forwarder.Handler!;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Roezan.Forwarder.Handler = async context =>
        {
            await release.Task.ConfigureAwait(false);
            await door(context).ConfigureAwait(false);
        };
        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { FirstName = "Rosa" });
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gina" });
        await host.GhlWebhooks.WaitUntilDrainedAsync();
        await host.DrainAsync();
        Assert.Equal("Gina", host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName);

        release.SetResult();
        await SettleAsync(host);

        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        Assert.Equal((winner, winner), (ghl["firstName"]!.GetValue<string>(), host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName));
        // The GHL change is applied, the Roezan one too when Roezan won (its plan is skipped when GHL won); every echo,
        // of the write-back too, is skipped: no echo write.
        var applied = await CountAsync(host, EventLedgerStatus.Applied) - appliedBefore;
        Assert.Equal(winner == "Rosa" ? 2 : 1, applied);
        Assert.Equal(0, await CountAsync(host, EventLedgerStatus.Failed));
    }

    private static async Task<int> CountAsync(AppTestHost host, EventLedgerStatus status) =>
        (await host.LedgerStatusesAsync()).Values.Count(value => value == status.ToString());

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
}
