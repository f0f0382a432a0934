using RoezanGhl.Core.Planning;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>Queued changes of one contact become one GHL call set, with the ledger saying which event's calls applied which events.</summary>
[IntegrationLane]
public sealed class CoalescingTests
{
    private static readonly string[] Updates = ["evt_2", "evt_3", "evt_4"];

    [Fact]
    public async Task Updates_of_one_contact_queued_together_become_one_put_and_one_tags_post_with_every_field_kept()
    {
        await using var app = await AppTestHost.StartAsync();
        var contactId = await CreateContactAsync(app);

        await app.PostAllAsync(BurstOfUpdates());
        await app.DrainAsync();

        Assert.Single(Puts(app, contactId));
        Assert.Single(TagPosts(app, contactId));
        AssertMergedValues(app);
        await AssertOneSurvivorAsync(app, contactId);
    }

    [Fact]
    public async Task Delivery_of_an_absorbed_event_finds_it_final_and_calls_nothing()
    {
        await using var app = await AppTestHost.StartAsync();
        var contactId = await CreateContactAsync(app);
        await app.PostAllAsync(BurstOfUpdates());
        var messages = (await app.PeekRawAsync()).Zip(await app.PeekQueuedAsync(), (raw, queued) => (Raw: raw, Id: queued.Event.Id)).ToList();
        await app.DrainAsync();
        var calls = app.Simulator.State.Recorded.Count;
        var absorbed = (await LedgerAsync(app)).Where(entry => entry.Outcome!.StartsWith("coalesced into", StringComparison.Ordinal)).ToList();

        // A late copy of each absorbed event's message (the queue delivers at least once).
        foreach (var entry in absorbed)
        {
            await app.RawQueue.SendMessageAsync(messages.Single(message => message.Id == entry.EventId).Raw);
        }

        var pump = await app.DrainAsync();

        Assert.Equal(2, absorbed.Count);
        Assert.Equal(0, pump.Failed);
        Assert.Equal(calls, app.Simulator.State.Recorded.Count);
        foreach (var entry in absorbed)
        {
            var after = await app.ReadLedgerAsync(entry.EventId);
            Assert.Equal(EventLedgerStatus.Applied, after.Status);
            Assert.Equal(entry.Attempts, after.Attempts);
        }
    }

    [Fact]
    public async Task Crash_between_the_calls_and_marking_the_absorbed_events_resumes_and_applies_the_same_values_again()
    {
        var crash = new CrashPlan(after: typeof(AddTagsStep));
        await using var app = await AppTestHost.Create().WithServices(crash.Install).StartAsync();
        var contactId = await CreateContactAsync(app, tags: null);

        await app.PostAllAsync(BurstOfUpdates());
        await app.DrainAsync();

        Assert.Equal(1, crash.Crashes);
        Assert.Single(Puts(app, contactId));
        Assert.Equal(2, TagPosts(app, contactId).Count);
        AssertMergedValues(app);
        await AssertOneSurvivorAsync(app, contactId);
    }

    [Fact]
    public async Task With_coalescing_off_every_update_is_applied_on_its_own()
    {
        await using var app = await AppTestHost.Create().WithSetting("Sync:Processing:CoalesceContactUpdates", "false").StartAsync();
        var contactId = await CreateContactAsync(app);

        await app.PostAllAsync(BurstOfUpdates());
        await app.DrainAsync();

        // Each event plans alone, in whatever order the queue hands them out: an older one planned after a newer one is
        // stale and writes only what GHL lacks, here nothing, so the newest first makes a single PUT.
        Assert.InRange(Puts(app, contactId).Count, 1, 3);
        Assert.All(await LedgerAsync(app), entry => Assert.DoesNotContain("coalesced", entry.Outcome ?? entry.LastError ?? "", StringComparison.Ordinal));
        Assert.All(await LedgerAsync(app), entry => Assert.Empty(entry.Plan?.CoalescedEventIds ?? []));
    }

    [Fact]
    public async Task When_the_account_allows_it_messages_of_one_contact_queued_together_become_one_note()
    {
        await using var app = await AppTestHost.Create().WithSetting("Sync:Processing:CoalesceMessages", "true").StartAsync();
        var contactId = await CreateContactAsync(app);

        await app.PostAllAsync(
        [
            Message("evt_m1", "(201) 555-0160", "Is the invoice ready?", contactId: "c_1", at: T0.AddMinutes(1)),
            Message("evt_m2", "(201) 555-0160", "And the price list?", contactId: "c_1", at: T0.AddMinutes(2)),
            Message("evt_m3", "(201) 555-0160", "Thanks", contactId: "c_1", at: T0.AddMinutes(3)),
        ]);
        await app.DrainAsync();

        var note = (string)Assert.Single(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Note))["body"]!;
        Assert.True(
            note.IndexOf("Is the invoice ready?", StringComparison.Ordinal) < note.IndexOf("And the price list?", StringComparison.Ordinal)
            && note.IndexOf("And the price list?", StringComparison.Ordinal) < note.IndexOf("(15:03:00 UTC) Thanks", StringComparison.Ordinal),
            "the texts in the order received, the later ones with their time");
        var entries = new List<EventLedgerEntry>();
        foreach (var id in new[] { "evt_m1", "evt_m2", "evt_m3" })
        {
            entries.Add(await app.ReadLedgerAsync(MessageKey(id)));
        }

        Assert.All(entries, entry => Assert.Equal(EventLedgerStatus.Applied, entry.Status));
        Assert.Equal(2, entries.Count(entry => entry.Outcome!.StartsWith("coalesced into", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_new_contact_and_its_updates_queued_together_are_made_with_one_upsert_and_one_tags_post_and_no_put()
    {
        await using var app = await AppTestHost.StartAsync();

        // Roezan sends the whole record each time: the same phone and email, a new last name, one more tag.
        await app.PostAllAsync(
        [
            ContactCreated("evt_1", "c_1", "(201) 555-0160", "ann@example.com", "Ann", "Lee", ["lead"], at: T0),
            ContactUpdated("evt_2", "c_1", "(201) 555-0160", "ann@example.com", "Ann", "Lee-2", ["lead", "a"], at: T0.AddMinutes(1)),
            ContactUpdated("evt_3", "c_1", "(201) 555-0160", "ann@example.com", "Ann", "Lee-3", ["lead", "a", "b"], at: T0.AddMinutes(2)),
        ]);
        await app.DrainAsync();

        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        var contactId = (string)contact["id"]!;
        Assert.Equal(("Ann", "Lee-3", "ann@example.com"), ((string?)contact["firstName"], (string?)contact["lastName"], (string?)contact["email"]));
        Assert.Equal(["a", "b", "lead"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "POST" && request.Path is "/contacts/upsert" or "/contacts/" or "/contacts");
        Assert.Empty(Puts(app, contactId));
        Assert.Single(TagPosts(app, contactId));
        var entries = new List<EventLedgerEntry>();
        foreach (var id in new[] { "evt_1", "evt_2", "evt_3" })
        {
            entries.Add(await app.ReadLedgerAsync(id));
        }

        // Whichever the queue hands out first makes the contact and carries the updates it may; a contact.created planned
        // after an update made the contact is older than it, so it only fills what GHL lacks (here nothing): Skipped.
        Assert.All(entries, entry => Assert.Contains(entry.Status, new[] { EventLedgerStatus.Applied, EventLedgerStatus.Skipped }));
        var maker = Assert.Single(entries, entry => entry.Plan?.CoalescedEventIds.Count > 0);
        Assert.All(entries.Where(entry => entry != maker && maker.Plan!.CoalescedEventIds.Contains(entry.EventId)), entry => Assert.StartsWith($"coalesced into {maker.EventId}", entry.Outcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_and_a_completion_of_one_task_queued_together_become_one_put_of_the_task()
    {
        await using var app = await AppTestHost.StartAsync();
        var contactId = await CreateContactAsync(app);
        await app.PostAllAsync([TaskEvent("evt_t1", "task.created", "t_1", "c_1", "Call back", "about pricing", T0.AddDays(1), false, T0.AddMinutes(1))]);
        await app.DrainAsync();
        var taskId = (string)Assert.Single(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Task))["id"]!;

        await app.PostAllAsync(
        [
            TaskEvent("evt_t2", "task.updated", "t_1", "c_1", "Call back, moved", "about pricing", T0.AddDays(2), false, T0.AddMinutes(2)),
            TaskEvent("evt_t3", "task.completed", "t_1", "c_1", at: T0.AddMinutes(3)),
        ]);
        await app.DrainAsync();

        var task = Assert.Single(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Task));
        Assert.Equal(("Call back, moved", true), ((string?)task["title"], (bool?)task["completed"]));
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "PUT" && request.Path == $"/contacts/{contactId}/tasks/{taskId}");
        Assert.DoesNotContain(app.Simulator.State.Recorded, request => request.Path.EndsWith("/completed", StringComparison.Ordinal));
        var entries = new[] { await app.ReadLedgerAsync("evt_t2"), await app.ReadLedgerAsync("evt_t3") };
        Assert.All(entries, entry => Assert.Equal(EventLedgerStatus.Applied, entry.Status));
        var survivor = Assert.Single(entries, entry => entry.Plan?.CoalescedEventIds.Count == 1);
        Assert.StartsWith($"coalesced into {survivor.EventId}", Assert.Single(entries, entry => entry != survivor).Outcome, StringComparison.Ordinal);
    }

    // Three changes, each carrying a field the others do not: the email only in the oldest, a new tag in each.
    private static List<string> BurstOfUpdates() =>
    [
        ContactUpdated("evt_2", "c_1", null, email: "ann.new@example.com", lastName: "Lee-2", tags: ["a"], at: T0.AddMinutes(2)),
        ContactUpdated("evt_3", "c_1", "(201) 555-0160", email: "", firstName: "Anne", lastName: "Lee-3", tags: ["b"], at: T0.AddMinutes(3)),
        ContactUpdated("evt_4", "c_1", "(201) 555-0160", firstName: "Annie", tags: ["c", "a"], at: T0.AddMinutes(4)),
    ];

    private static async Task<string> CreateContactAsync(AppTestHost app, string[]? tags = null)
    {
        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0160", "ann@example.com", "Ann", "Lee", tags, at: T0)]);
        await app.DrainAsync();
        return (string)Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId))["id"]!;
    }

    private static void AssertMergedValues(AppTestHost app)
    {
        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal("Annie", (string?)contact["firstName"]);
        Assert.Equal("Lee-3", (string?)contact["lastName"]);
        Assert.Equal("ann.new@example.com", (string?)contact["email"]);
        Assert.Equal(["a", "b", "c"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
    }

    private static async Task AssertOneSurvivorAsync(AppTestHost app, string contactId)
    {
        var entries = await LedgerAsync(app);
        Assert.All(entries, entry => Assert.Equal(EventLedgerStatus.Applied, entry.Status));
        var survivor = Assert.Single(entries, entry => entry.Outcome!.Contains("(coalesced: ", StringComparison.Ordinal));
        var absorbed = entries.Where(entry => entry != survivor).ToList();
        Assert.Equal(2, absorbed.Count);
        Assert.All(absorbed, entry =>
        {
            Assert.StartsWith($"coalesced into {survivor.EventId}", entry.Outcome, StringComparison.Ordinal);
            Assert.Contains(entry.EventId, survivor.Outcome!, StringComparison.Ordinal);
            Assert.Equal(contactId, entry.TargetContactId);
        });
        Assert.Equal(absorbed.Select(entry => entry.EventId).Order(), survivor.Plan!.CoalescedEventIds.Order());
    }

    private static async Task<List<EventLedgerEntry>> LedgerAsync(AppTestHost app)
    {
        var entries = new List<EventLedgerEntry>();
        foreach (var id in Updates)
        {
            entries.Add(await app.ReadLedgerAsync(id));
        }

        return entries;
    }

    private static List<RecordedRequest> Puts(AppTestHost app, string contactId) =>
        [.. app.Simulator.State.Recorded.Where(request => request.Method == "PUT" && request.Path == $"/contacts/{contactId}")];

    private static List<RecordedRequest> TagPosts(AppTestHost app, string contactId) =>
        [.. app.Simulator.State.Recorded.Where(request => request.Method == "POST" && request.Path == $"/contacts/{contactId}/tags")];
}
