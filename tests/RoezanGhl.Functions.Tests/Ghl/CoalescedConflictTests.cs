using System.Text.Json.Nodes;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Queues;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// The root cause of the flaky <c>PingPongTests.The_same_contact_edited_on_both_sides_within_a_second…</c>: a Roezan
/// change (email) that still carries the old first name, planned first, coalesced Roezan's webhook about our write of
/// GHL's new first name and was judged by its own (old) values at the echo's newer time, so the old name "won" in GHL.
/// Two fixes keep it from coming back: the two-way checks judge the coalesced contact (<c>RoezanEchoGuard</c>), and
/// changes made on either side of our write to Roezan are no longer coalesced at all (<c>ContactUpdateCoalescer</c>),
/// since the later one carries the written value with a time that is not when that value was set.
/// </summary>
[IntegrationLane]
public class CoalescedConflictTests
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private const string Phone = "+12015550177";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_roezan_change_made_before_our_write_of_a_ghl_change_and_the_echo_of_that_write_end_with_both_changes_on_both_sides()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks()
            .WithSetting("Sync:TwoWay:ConflictWindow", "00:00:03")
            .StartAsync();
        var id = host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone, ["firstName"] = "Ana", ["email"] = "ana@example.com" })["id"]!.GetValue<string>();
        await SettleAsync(host);

        // Out of the window of the creation's own events (the simulators and the pump run on wall time).
        await Task.Delay(Window + TimeSpan.FromMilliseconds(500));

        // Roezan's webhooks are held at the door: the first (the person's email change, which still carries the old name) until released on its own, the
        // next (Roezan's webhook about our write of GHL's first name) after it, so that both are queued in that order.
        var door = host.Roezan.Forwarder.Handler!;
        var gates = new[] { Gate(), Gate() };
        var queued = new[] { Gate(), Gate() };
        var arrivals = -1;
        host.Roezan.Forwarder.Handler = async context =>
        {
            var index = Math.Min(Interlocked.Increment(ref arrivals), 1);
            await gates[index].Task.ConfigureAwait(false);
            await door(context).ConfigureAwait(false);
            queued[index].TrySetResult();
        };
        // GHL's change first, then Roezan's (not older than the change the link records, so it is not stale).
        host.Simulator.State.UserEditsContact(Location, id, new JsonObject { ["firstName"] = "Gina" });
        var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { Email = "rosa@example.com" });
        await host.GhlWebhooks.WaitUntilDrainedAsync();
        await host.DrainAsync();
        Assert.Equal(("Gina", "rosa@example.com"), Held(host));

        gates[0].SetResult();
        await queued[0].Task.WaitAsync(TimeSpan.FromMinutes(1));
        gates[1].SetResult();
        await queued[1].Task.WaitAsync(TimeSpan.FromMinutes(1));

        // One delivery at a time, in queue order: the email change is planned first, with the echo queued behind it,
        // and does not carry it (they lie on either side of our write).
        var sequential = new QueueTestPump(host.RawQueue, HostQueueSettings.FromRepository() with { BatchSize = 1, NewBatchThreshold = 0 }, (delivery, cancellationToken) => host.Processor.RunAsync(delivery.ToQueueMessage(), cancellationToken));
        await sequential.RunUntilIdleAsync(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(await ReadLedgerAsync(host), entry => entry.Outcome?.StartsWith("coalesced into", StringComparison.Ordinal) == true);

        host.Roezan.Forwarder.Handler = door;
        await SettleAsync(host);
        var ghl = host.Simulator.State.ContactsOf(Location).Single(contact => contact["id"]!.GetValue<string>() == id);
        Assert.Equal(("Gina", "rosa@example.com"), (ghl["firstName"]!.GetValue<string>(), ghl["email"]!.GetValue<string>()));
        Assert.Equal(("Gina", "rosa@example.com"), Held(host));
        Assert.DoesNotContain(await ReadLedgerAsync(host), entry => entry.Status is EventLedgerStatus.Failed);
    }

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static (string?, string?) Held(AppTestHost host)
    {
        var contact = host.Roezan.Simulator.State.FindContact(Account, Phone)!;
        return (contact.FirstName, contact.Email);
    }

    private static async Task<List<EventLedgerEntry>> ReadLedgerAsync(AppTestHost host)
    {
        var entries = new List<EventLedgerEntry>();
        foreach (var eventId in (await host.LedgerStatusesAsync()).Keys)
        {
            entries.Add(await host.ReadLedgerAsync(eventId));
        }

        return entries;
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
