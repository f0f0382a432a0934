using System.Text.Json.Nodes;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// The lost update the two_way bench found under load, made deterministic: a first name changed in GHL is written to
/// Roezan only after a tag was added in Roezan (the queue delayed it). Roezan's webhook about the tag was made before our
/// write landed, so it still carries the old first name; it must add the tag to GHL without writing that old name back
/// (before: GHL ended with the old name and Roezan with the new one, and Roezan's echo of our write was skipped).
/// </summary>
[IntegrationLane]
public class OverwrittenValueTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550176";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_roezan_webhook_made_before_our_write_of_a_ghl_change_does_not_write_the_old_value_back_to_ghl()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithSetting("Sync:TwoWay:ConflictWindow", "00:00:03")
            // Each Roezan event alone: this is not about coalescing (CoalescedConflictTests is).
            .WithSetting("Sync:Processing:CoalesceContactUpdates", "false")
            .StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone, ["firstName"] = "Ana", ["email"] = "ana@example.com", ["tags"] = new JsonArray("seed") })["id"]!.GetValue<string>();
        await SettleAsync(host);
        await Task.Delay(Window + TimeSpan.FromMilliseconds(500));

        // Roezan's webhooks wait at the door until GHL's change has been written to Roezan.
        var door = host.Roezan.Forwarder.Handler!;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Roezan.Forwarder.Handler = async context =>
        {
            await release.Task.ConfigureAwait(false);
            await door(context).ConfigureAwait(false);
        };
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gina" });
        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        host.Roezan.Simulator.Admin.AddTags(Account, roezan.Id, ["vip"]);
        await host.GhlWebhooks.WaitUntilDrainedAsync();
        await host.DrainAsync();
        Assert.Equal("Gina", host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName);

        release.SetResult();
        await SettleAsync(host);

        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        var tags = ((JsonArray)ghl["tags"]!).Select(tag => tag!.GetValue<string>()).ToList();
        Assert.Equal(("Gina", "Gina"), (ghl["firstName"]!.GetValue<string>(), host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName));
        Assert.Contains("vip", tags);
        Assert.DoesNotContain((await host.LedgerStatusesAsync()).Values, status => status == nameof(EventLedgerStatus.Failed));
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
}
