using System.Text.Json.Nodes;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>An account's own conflict rule on the Roezan → GHL side, end to end: both simulators, both doors, the queue.</summary>
[IntegrationLane]
public class AccountConflictRuleTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550177";

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

    [Theory]
    [InlineData("ghl-wins", "Gina")]
    [InlineData(null, "Rosa")]
    public async Task A_roezan_change_right_after_a_ghl_change_to_the_same_field_is_settled_by_the_accounts_rule_recorded_and_held_by_both_systems(string? accountRule, string expectedInGhl)
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithSetting("Sync:TwoWay:ConflictRule", "newest-wins")
            .WithSetting($"Roezan:Accounts:{Account}:TwoWay:ConflictRule", accountRule)
            .StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone, ["firstName"] = "Ana", ["email"] = "ana@example.com" })["id"]!.GetValue<string>();
        await SettleAsync(host);

        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gina" });
        await SettleAsync(host);
        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { FirstName = "Rosa" });
        await SettleAsync(host);

        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        Assert.Equal(expectedInGhl, ghl["firstName"]!.GetValue<string>());
        // The winner is written back to Roezan too: both systems end holding it (with GHL winning, Roezan held Rosa).
        Assert.Equal(expectedInGhl, host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName);
        var entries = new List<EventLedgerEntry>();
        foreach (var eventId in (await host.LedgerStatusesAsync()).Keys.Where(key => !key.StartsWith("ghl:", StringComparison.Ordinal)))
        {
            entries.Add(await host.ReadLedgerAsync(eventId));
        }

        var winner = accountRule == "ghl-wins" ? "GHL" : "Roezan";
        Assert.Contains(entries, entry => entry.Plan?.Reason.Contains($"{winner} kept: {RoezanChangeConflicts.Hashed(new FieldConflict("firstName", "Gina", "Rosa", winner == "GHL"))}", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), record => record.Message.Contains("Rosa", StringComparison.Ordinal));
    }
}
