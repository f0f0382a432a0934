using System.Text.Json.Nodes;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>A phone changed in GHL, end to end with both simulators: Roezan keys contacts by phone.</summary>
[IntegrationLane]
public class GhlPhoneChangeTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string OldPhone = "+12015550161";
    private const string NewPhone = "+12015550162";

    [Fact]
    public async Task A_phone_changed_in_ghl_moves_the_contact_to_the_new_number_in_roezan_tags_the_old_one_and_nothing_bounces_back()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks().StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = OldPhone, ["firstName"] = "Ana", ["lastName"] = "Lopez", ["email"] = "ana@example.com", ["tags"] = new JsonArray("vip") })["id"]!.GetValue<string>();
        await SettleAsync(host);

        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["phone"] = NewPhone });
        await SettleAsync(host);

        var moved = host.Roezan.Simulator.State.FindContact(Account, NewPhone)!;
        Assert.Equal(("Ana", "Lopez", "ana@example.com"), (moved.FirstName, moved.LastName, moved.Email));
        Assert.Contains("vip", moved.Tags);
        var left = host.Roezan.Simulator.State.FindContact(Account, OldPhone)!;
        Assert.Contains("phone-moved-in-ghl", left.Tags);
        Assert.Equal(2, host.Roezan.Simulator.State.ContactsOf(Account).Count);
        var ghl = Assert.Single(host.Simulator.State.ContactsOf(Location));
        Assert.Equal(NewPhone, ghl["phone"]!.GetValue<string>());
        Assert.Equal(id, await host.Links.FindContactIdAsync(Location, Account, new ContactIdentity { Phone = NewPhone }, CancellationToken.None));
        Assert.Null(await host.Links.FindContactIdAsync(Location, Account, new ContactIdentity { Phone = OldPhone, RoezanContactId = left.Id }, CancellationToken.None));
        var statuses = await host.LedgerStatusesAsync();
        Assert.DoesNotContain(statuses.Values, status => status == nameof(EventLedgerStatus.Failed));
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
