using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Pacing at the door, through the webhook, Azurite's queue and the processor: a location's events beyond its turn
/// wait invisible on the queue, a quiet location's event is visible at once beside them, and every event is applied
/// exactly once when its turn comes.
/// </summary>
[IntegrationLane]
public sealed class DoorPacingTests
{
    private const string Busy = AppTestHost.AccountId;
    private const string Quiet = "acct_quiet";

    [Fact]
    public async Task A_burst_waits_off_the_visible_queue_a_quiet_locations_event_does_not_and_each_is_applied_once()
    {
        // Two requests per ten seconds: at one call per new contact, one event of a location every 5 s (the posts take far
        // less, so the later ones are still invisible when the queue is peeked); no lead.
        await using var app = await AppTestHost.Create()
            .WithAccount(Busy, AppTestHost.LocationId)
            .WithAccount(Quiet, "loc_quiet", "whsec_quiet_0123456789")
            .WithSetting("Sync:Admission:PaceAtDoor", "true")
            .WithSetting("Sync:Admission:DoorLead", "00:00:00")
            .WithSetting("Ghl:RateLimitMaxRequests", "2")
            .StartAsync();
        var burst = Enumerable.Range(1, 4).Select(i => ContactCreated($"evt_b{i}", $"c_b{i}", $"+121255501{i:00}")).ToList();

        await app.PostAllAsync(burst, Busy);
        // The fixtures name the default account in the body; the quiet location's event names its own.
        var quiet = ContactCreated("evt_q1", "c_q1", "+12125550199").Replace($"\"accountId\":\"{Busy}\"", $"\"accountId\":\"{Quiet}\"", StringComparison.Ordinal);
        await app.PostAllAsync([quiet], Quiet);
        var visible = (await app.PeekQueuedAsync()).Select(queued => queued.Event.Id).ToList();
        var queued = (await app.RawQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        await app.DrainAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(5, queued);
        Assert.Equal(["evt_b1", "evt_q1"], visible.Order(StringComparer.Ordinal));
        foreach (var (eventId, account) in burst.Select((_, i) => ($"evt_b{i + 1}", Busy)).Append(("evt_q1", Quiet)))
        {
            Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync(eventId, account)).Status);
        }

        Assert.Equal(5, app.Simulator.State.Recorded.Count(request => request.Path == "/contacts/upsert"));
    }
}
