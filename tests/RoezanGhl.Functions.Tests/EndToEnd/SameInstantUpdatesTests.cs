using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Changes of one contact in the same millisecond (the burst's lost contact: evt-653 and evt-654 were 0.3 ms apart, one
/// <c>occurredAt</c> once written with milliseconds) end with the newer one's values — the greater event id — whichever
/// arrives or is processed first, and every tag is kept.
/// </summary>
[IntegrationLane]
public sealed class SameInstantUpdatesTests
{
    private static readonly DateTimeOffset Instant = T0.AddMinutes(2);

    [Fact]
    public async Task An_older_change_of_the_same_millisecond_processed_after_the_newer_one_only_adds_its_tag()
    {
        await using var app = await AppTestHost.StartAsync();
        await CreateContactAsync(app);

        // The newer change is applied alone first; the older one comes after it (the queue reordered them).
        await app.PostAllAsync([Newer()]);
        await app.DrainAsync();
        await app.PostAllAsync([Older()]);
        await app.DrainAsync();

        await AssertNewerValuesAndEveryTagAsync(app);
    }

    [Fact]
    public async Task Changes_of_the_same_millisecond_queued_together_in_reverse_order_are_merged_with_the_newer_values()
    {
        await using var app = await AppTestHost.StartAsync();
        await CreateContactAsync(app);

        // Posted concurrently, the newer one was accepted first: arrival is no order.
        await app.PostAllAsync([Newer(), Older()]);
        await app.DrainAsync();

        await AssertNewerValuesAndEveryTagAsync(app);
    }

    [Fact]
    public async Task An_older_task_change_of_the_same_millisecond_processed_after_the_newer_one_is_stale()
    {
        await using var app = await AppTestHost.StartAsync();
        await CreateContactAsync(app);
        await app.PostAllAsync([TaskEvent("evt_t1", "task.created", "t_1", "c_1", "Call back", "about pricing", T0.AddDays(1), false, T0.AddMinutes(1))]);
        await app.DrainAsync();

        await app.PostAllAsync([TaskEvent("evt_t654", "task.updated", "t_1", "c_1", "Call back, newer", at: Instant)]);
        await app.DrainAsync();
        await app.PostAllAsync([TaskEvent("evt_t653", "task.updated", "t_1", "c_1", "Call back, older", at: Instant)]);
        await app.DrainAsync();

        var contactId = (string)Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId))["id"]!;
        var task = Assert.Single(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Task));
        Assert.Equal("Call back, newer", (string?)task["title"]);
        var older = await app.ReadLedgerAsync("evt_t653");
        Assert.Equal(EventLedgerStatus.Skipped, older.Status);
    }

    private static string Older() => ContactUpdated("evt_653", "c_1", "(201) 555-0160", firstName: "Bo-653", lastName: "Costa-653", tags: ["customer", "tag-653"], at: Instant);

    private static string Newer() => ContactUpdated("evt_654", "c_1", "(201) 555-0160", firstName: "Bo-654", lastName: "Costa-654", tags: ["customer"], at: Instant);

    private static async Task CreateContactAsync(AppTestHost app)
    {
        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0160", "bo@example.com", "Bo", "Costa", ["customer"], at: T0)]);
        await app.DrainAsync();
    }

    private static async Task AssertNewerValuesAndEveryTagAsync(AppTestHost app)
    {
        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal("Bo-654", (string?)contact["firstName"]);
        Assert.Equal("Costa-654", (string?)contact["lastName"]);
        Assert.Equal(["customer", "tag-653"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_653")).Status);
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_654")).Status);
    }
}
