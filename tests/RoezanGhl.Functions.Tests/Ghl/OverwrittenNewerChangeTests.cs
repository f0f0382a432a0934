using System.Text.Json.Nodes;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Queues;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// The lost update of the two_way bench's contact 32 (seed 9): GHL's first name change waited on the queue while a person
/// changed the first name in Roezan; our write of GHL's value overwrote Roezan's newer one, and Roezan's webhook about its
/// change was planned after that write with Roezan's webhook about the write (carrying GHL's older value) merged into it
/// (log 5651 in the bench's trace): the merge took the echo's value at the echo's newer time, so the newer change became
/// "no change" and both sides kept the older value. Here the person's change and our write share one instant of the fake
/// clock, which puts them between the same two writes, as the bench's did.
/// </summary>
[IntegrationLane]
public class OverwrittenNewerChangeTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550178";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Roezans_webhook_about_our_write_is_not_merged_into_a_newer_roezan_change_that_write_overwrote()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithFakeTime()
            .WithSetting("Sync:TwoWay:ConflictWindow", "00:00:05")
            .StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone, ["firstName"] = "Ana", ["email"] = "ana@example.com", ["tags"] = new JsonArray("seed") })["id"]!.GetValue<string>();
        await SettleAsync(host);
        host.Time.Advance(Window * 3);

        // Roezan's webhooks wait at the door until GHL's change has been written to Roezan.
        var door = host.Roezan.Forwarder.Handler!;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Roezan.Forwarder.Handler = async context =>
        {
            await release.Task.ConfigureAwait(false);
            await door(context).ConfigureAwait(false);
        };

        // GHL's change is queued (the pump runs only when drained); Roezan's newer one is made before it is applied.
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gina" });
        await host.GhlWebhooks.WaitUntilDrainedAsync();
        host.Time.Advance(Window * 3);
        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { FirstName = "Rosa" });
        await host.DrainAsync();
        Assert.Equal("Gina", host.Roezan.Simulator.State.FindContact(Account, Phone)!.FirstName);

        // Both Roezan webhooks queued (the person's change first, then the one about our write), then one delivery at a
        // time in queue order: the person's change is planned first, with the echo queued behind it.
        release.SetResult();
        await host.Roezan.Simulator.WaitForWebhooksAsync();
        var sequential = new QueueTestPump(host.RawQueue, HostQueueSettings.FromRepository() with { BatchSize = 1, NewBatchThreshold = 0 }, (delivery, cancellationToken) => host.Processor.RunAsync(delivery.ToQueueMessage(), cancellationToken));
        await sequential.RunUntilIdleAsync(TimeSpan.FromMinutes(1));
        await SettleAsync(host);

        // The person's newer change reached GHL: Roezan's webhook about our write (which carries GHL's older value) was
        // not merged into it, where it would have made it "no change" at the echo's newer time.
        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        Assert.Equal("Rosa", ghl["firstName"]!.GetValue<string>());
        var outcomes = new List<string?>();
        foreach (var eventId in (await host.LedgerStatusesAsync()).Keys)
        {
            outcomes.Add((await host.ReadLedgerAsync(eventId)).Outcome);
        }

        Assert.DoesNotContain(outcomes, outcome => outcome?.StartsWith("coalesced into", StringComparison.Ordinal) == true);
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
