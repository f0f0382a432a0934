using System.Text.Json.Nodes;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using SimulatedContact = RoezanGhl.RoezanSimulator.State.RoezanContact;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// GHL → Roezan through the account's field mapping in reverse, end to end (both simulators, both doors, the queue):
/// Roezan's first name feeds GHL's last name and the other way round, and Roezan's tags reach GHL prefixed.
/// </summary>
[IntegrationLane]
public class ReverseMappingTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550179";

    [Fact]
    public async Task Under_a_swapped_name_mapping_and_a_tag_prefix_ghl_changes_reach_the_right_roezan_fields_and_nothing_echoes_back_to_ghl()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithSetting($"Roezan:Accounts:{Account}:Mapping:StandardFields:firstName", "lastName")
            .WithSetting($"Roezan:Accounts:{Account}:Mapping:StandardFields:lastName", "firstName")
            .WithSetting($"Roezan:Accounts:{Account}:Mapping:TagPrefix", "roezan:")
            .StartAsync();
        host.Simulator.Settings = host.Simulator.Settings with { RecordInMemory = true };

        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject
        {
            ["phone"] = Phone,
            ["firstName"] = "Gina",
            ["lastName"] = "Lopez",
            ["email"] = "gina@example.com",
            ["tags"] = new JsonArray("roezan:vip", "hot-lead"),
        })["id"]!.GetValue<string>();
        await SettleAsync(host);

        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        Assert.Equal(("Lopez", "Gina", "gina@example.com"), (roezan.FirstName, roezan.LastName, roezan.Email));
        // Only the prefixed tag goes back, without its prefix: the GHL-native one would return as a new GHL tag.
        Assert.Equal(["vip"], roezan.Tags);
        await AssertKnownAsEchoAsync(host, id, roezan);

        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gia", ["tags"] = new JsonArray("roezan:vip", "hot-lead", "roezan:gold", "cold") });
        await SettleAsync(host);

        roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        Assert.Equal(("Lopez", "Gia"), (roezan.FirstName, roezan.LastName));
        Assert.Equal(["vip", "gold"], roezan.Tags);
        await AssertKnownAsEchoAsync(host, id, roezan);

        // Both sides hold the same mapped state: Roezan's contact mapped forward is GHL's, and GHL got no tag back.
        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        Assert.Equal((roezan.LastName, roezan.FirstName), (ghl["firstName"]!.GetValue<string>(), ghl["lastName"]!.GetValue<string>()));
        Assert.Equal(["roezan:vip", "hot-lead", "roezan:gold", "cold"], ghl["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));

        // 0 echo writes: the app never wrote to GHL, and Roezan's webhooks about our writes were each skipped (as an echo,
        // or as "no change" when the recorded state already holds them, which the planner sees first in order).
        var writesToGhl = host.Simulator.State.Recorded.Where(request => request.Method != "GET").Select(request => $"{request.Method} {request.Path}").ToList();
        Assert.True(writesToGhl.Count == 0, "GHL was written: " + string.Join("; ", writesToGhl));
        var fromRoezan = (await host.LedgerStatusesAsync()).Where(pair => !pair.Key.StartsWith("ghl:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromRoezan);
        Assert.All(fromRoezan, pair => Assert.Equal(nameof(EventLedgerStatus.Skipped), pair.Value));
    }

    /// <summary>Roezan's contact, mapped forward, has the fingerprint GHL → Roezan recorded for its write: its webhook is an echo whatever the order.</summary>
    private static async Task AssertKnownAsEchoAsync(AppTestHost host, string ghlId, SimulatedContact roezan)
    {
        var profile = await host.Get<IPlanningProfileSource>().GetProfileAsync(Account, CancellationToken.None);
        var contact = new RoezanContact { FirstName = roezan.FirstName, LastName = roezan.LastName, Email = roezan.Email, Phone = roezan.Phone, Tags = [.. roezan.Tags] };
        var held = RoezanContactWrites.AsGhlSees(contact, ContactFieldReverseMapper.MappingOf(profile.FieldMapping));
        var history = await host.Get<EchoHistoryStore>().ReadAsync(Location, ghlId, CancellationToken.None);
        Assert.True(history.Wrote(SyncSystem.Roezan, ContactFingerprint.Of(held), host.Get<TimeProvider>().GetUtcNow()), "Roezan's contact, mapped forward, is not a state GHL → Roezan recorded writing");
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
