using System.Text.Json.Nodes;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>Every flow, end to end: webhook function → Azurite queue → pump → queue function → GHL client → simulator.</summary>
[IntegrationLane]
public sealed class SyncFlowTests : IAsyncLifetime
{
    private AppTestHost _app = null!;

    public async Task InitializeAsync() => _app = await AppTestHost.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IReadOnlyList<JsonObject> Contacts => _app.Simulator.State.ContactsOf(AppTestHost.LocationId);

    private IReadOnlyList<JsonObject> Notes(string contactId) => _app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Note);

    private IReadOnlyList<JsonObject> Tasks(string contactId) => _app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Task);

    [Fact]
    public async Task Contact_created_upserts_the_contact_with_its_tags_and_links_it()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0101", "ana@example.com", "Ana", "Diaz", ["vip", "lead"])]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        Assert.Equal("Ana", (string?)contact["firstName"]);
        Assert.Equal("Diaz", (string?)contact["lastName"]);
        Assert.Equal("+12015550101", (string?)contact["phone"]);
        Assert.Equal("ana@example.com", (string?)contact["email"]);
        Assert.Equal(["lead", "vip"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
        var ledger = await _app.ReadLedgerAsync("evt_1");
        Assert.Equal(EventLedgerStatus.Applied, ledger.Status);
        Assert.Equal((string?)contact["id"], ledger.TargetContactId);
    }

    [Fact]
    public async Task Contact_updated_writes_changed_values_adds_tags_keeps_blanked_email_and_appends_its_note()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0101", "ana@example.com", "Ana", "Diaz", ["vip"], at: T0)]);
        await _app.DrainAsync();
        await _app.PostAllAsync([ContactUpdated("evt_2", "c_1", "(201) 555-0101", email: "", firstName: "Ana", lastName: "Diaz-Ortega", tags: ["newsletter"], note: "Prefers evenings", at: T0.AddMinutes(5))]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        Assert.Equal("Diaz-Ortega", (string?)contact["lastName"]);
        Assert.Equal("ana@example.com", (string?)contact["email"]);
        Assert.Equal(["newsletter", "vip"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
        var note = Assert.Single(Notes((string)contact["id"]!));
        Assert.Equal("Prefers evenings\n\nref: evt_2", (string?)note["body"]);
        var puts = _app.Simulator.State.Recorded.Where(request => request.Method == "PUT").ToList();
        Assert.All(puts, request => Assert.DoesNotContain("\"tags\"", request.Body ?? "", StringComparison.Ordinal));
        Assert.All(puts, request => Assert.DoesNotContain("\"email\"", request.Body ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_message_creates_the_contact_and_every_message_becomes_a_note()
    {
        await _app.PostAllAsync([Message("evt_m1", "(201) 555-0102", "Is the offer still on?", fromName: "Bo Lee")]);
        await _app.DrainAsync();
        await _app.PostAllAsync([Message("evt_m2", "+1 201 555 0102", "Thanks!", fromName: "Bo Lee", at: T0.AddMinutes(1))]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        Assert.Equal("+12015550102", (string?)contact["phone"]);
        Assert.Equal("Bo", (string?)contact["firstName"]);
        Assert.Equal("Lee", (string?)contact["lastName"]);
        var notes = Notes((string)contact["id"]!).Select(note => (string)note["body"]!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, body => body.Contains("Is the offer still on?", StringComparison.Ordinal) && body.EndsWith("ref: " + MessageKey("evt_m1"), StringComparison.Ordinal));
        Assert.Contains(notes, body => body.Contains("Thanks!", StringComparison.Ordinal) && body.EndsWith("ref: " + MessageKey("evt_m2"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Task_created_updated_and_completed_keep_one_linked_ghl_task()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0103", firstName: "Cy")]);
        await _app.DrainAsync();
        await _app.PostAllAsync([TaskEvent("evt_t1", "task.created", "t_1", "c_1", "Call back", "about pricing", T0.AddDays(1), false, T0.AddMinutes(1))]);
        await _app.DrainAsync();
        await _app.PostAllAsync([TaskEvent("evt_t2", "task.updated", "t_1", "c_1", "Call back today", null, null, null, T0.AddMinutes(2))]);
        await _app.DrainAsync();
        await _app.PostAllAsync([TaskEvent("evt_t3", "task.completed", "t_1", "c_1", at: T0.AddMinutes(3))]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        var task = Assert.Single(Tasks((string)contact["id"]!));
        Assert.Equal("Call back today", (string?)task["title"]);
        Assert.Equal("about pricing\n\nref: roezan-task/t_1", (string?)task["body"]);
        Assert.True((bool?)task["completed"]);
        foreach (var id in new[] { "evt_t1", "evt_t2", "evt_t3" })
        {
            Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Note_created_is_appended_to_the_linked_contact()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0104", firstName: "Di")]);
        await _app.DrainAsync();
        await _app.PostAllAsync([Note("evt_n1", "c_1", "Asked about delivery")]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        Assert.Equal("Asked about delivery\n\nref: evt_n1", (string?)Assert.Single(Notes((string)contact["id"]!))["body"]);
    }

    [Fact]
    public async Task Note_and_task_that_overtake_their_contact_wait_and_then_apply()
    {
        await _app.PostAllAsync(
        [
            Note("evt_n1", "c_9", "Came in before the contact"),
            TaskEvent("evt_t1", "task.created", "t_9", "c_9", "Send quote", due: T0.AddDays(2)),
            ContactCreated("evt_c9", "c_9", "(201) 555-0109", firstName: "Ed"),
        ]);
        await _app.DrainAsync();

        var contact = Assert.Single(Contacts);
        Assert.Single(Notes((string)contact["id"]!));
        Assert.Single(Tasks((string)contact["id"]!));
        Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync("evt_n1")).Status);
    }

    [Fact]
    public async Task Contact_created_and_first_message_at_the_same_moment_make_one_contact()
    {
        for (var i = 0; i < 5; i++)
        {
            var phone = $"(201) 555-02{i:00}";
            await _app.PostAllAsync([ContactCreated($"evt_c{i}", $"c_{i}", phone, $"p{i}@example.com", "Fay", $"N{i}", ["lead"]), Message($"evt_m{i}", phone, "hello", fromName: "Fay")]);
        }

        await _app.DrainAsync();

        Assert.Equal(5, Contacts.Count);
        Assert.All(Contacts, contact =>
        {
            Assert.NotNull((string?)contact["email"]);
            Assert.Single(Notes((string)contact["id"]!));
        });
        var statuses = await _app.LedgerStatusesAsync();
        Assert.All(statuses.Values, status => Assert.Equal("Applied", status));
    }

    [Fact]
    public async Task Older_update_arriving_late_is_skipped_as_stale_and_changes_nothing()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0105", firstName: "Gus", at: T0)]);
        await _app.DrainAsync();
        await _app.PostAllAsync([ContactUpdated("evt_3", "c_1", "(201) 555-0105", lastName: "Newest", at: T0.AddMinutes(10))]);
        await _app.DrainAsync();
        await _app.PostAllAsync([ContactUpdated("evt_2", "c_1", "(201) 555-0105", lastName: "Older", at: T0.AddMinutes(5))]);
        await _app.DrainAsync();

        Assert.Equal("Newest", (string?)Assert.Single(Contacts)["lastName"]);
        var stale = await _app.ReadLedgerAsync("evt_2");
        Assert.Equal(EventLedgerStatus.Skipped, stale.Status);
        Assert.StartsWith("stale", stale.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_delivered_again_after_it_was_applied_calls_ghl_no_more()
    {
        await _app.PostAllAsync([Message("evt_m1", "(201) 555-0106", "once", fromName: "Hal")]);
        var raw = (await _app.RawQueue.PeekMessagesAsync()).Value.Single().MessageText;
        await _app.DrainAsync();
        var calls = _app.Simulator.State.Counters.Snapshot().Total;

        await _app.RawQueue.SendMessageAsync(raw);
        await _app.RawQueue.SendMessageAsync(raw);
        await _app.DrainAsync();

        Assert.Equal(calls, _app.Simulator.State.Counters.Snapshot().Total);
        Assert.Single(Notes((string)Assert.Single(Contacts)["id"]!));
    }

    [Fact]
    public async Task Event_posted_twice_is_accepted_once_and_applied_once()
    {
        var body = Note("evt_n1", "c_1", "Just once");
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0107", firstName: "Ivy")]);
        await _app.DrainAsync();

        await _app.PostAllAsync([body, body]);
        await _app.DrainAsync();

        Assert.Single(Notes((string)Assert.Single(Contacts)["id"]!));
    }

    [Fact]
    public async Task Ghl_refusing_a_call_for_good_fails_the_event_with_its_message()
    {
        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0108", firstName: "Jo")]);
        await _app.DrainAsync();
        var contactId = (string)Assert.Single(Contacts)["id"]!;
        _app.Simulator.State.DeleteContact(null, contactId);

        await _app.PostAllAsync([Note("evt_n1", "c_1", "to a contact GHL no longer has")]);
        await _app.DrainAsync();

        var ledger = await _app.ReadLedgerAsync("evt_n1");
        Assert.Equal(EventLedgerStatus.Failed, ledger.Status);
        Assert.Contains("404", ledger.LastError, StringComparison.Ordinal);
        Assert.Equal(0, _app.Pump.Poisoned);
    }

    [Fact]
    public async Task Upsert_that_ghl_matches_to_another_contact_records_a_conflict_and_a_note()
    {
        var byEmail = _app.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Kim", ["email"] = "kim@example.com" });
        _app.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Other", ["phone"] = "+12015550110" });

        await _app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0110", "kim@example.com", "Kim")]);
        await _app.DrainAsync();

        var ledger = await _app.ReadLedgerAsync("evt_1");
        Assert.Equal(EventLedgerStatus.Conflict, ledger.Status);
        Assert.Contains("phone", ledger.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("+1201", ledger.LastError, StringComparison.Ordinal);
        var note = Assert.Single(Notes((string)byEmail["id"]!));
        Assert.Contains("+12015550110", (string?)note["body"], StringComparison.Ordinal);
        Assert.Equal(2, Contacts.Count);
    }

    [Fact]
    public async Task Events_of_a_location_that_needs_attention_wait_and_apply_once_it_is_fixed()
    {
        _app.Simulator.Settings = _app.Simulator.Settings with { InactiveLocations = [AppTestHost.LocationId] };
        await _app.PostAllAsync([Message("evt_m1", "(201) 555-0111", "hello?", fromName: "Lu")]);
        var pumping = _app.DrainAsync();
        await WaitUntilAsync(async () => (await _app.ReadLedgerAsync(MessageKey("evt_m1"))).Status == EventLedgerStatus.Waiting);

        _app.Simulator.Settings = _app.Simulator.Settings with { InactiveLocations = [] };
        await pumping;

        Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync(MessageKey("evt_m1"))).Status);
        Assert.Single(Notes((string)Assert.Single(Contacts)["id"]!));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
