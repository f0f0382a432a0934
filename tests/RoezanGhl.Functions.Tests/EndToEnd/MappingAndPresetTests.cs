using System.Text.Json.Nodes;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Issue 6 end to end (webhook → Azurite queue → queue function → simulator): each preset, an account's
/// field mapping, and F5 follow-up tasks made exactly once through a ghost write and re-deliveries.
/// </summary>
[IntegrationLane]
public sealed class MappingAndPresetTests
{
    private const string Account = $"Roezan:Accounts:{AppTestHost.AccountId}";

    [Fact]
    public async Task Contacts_only_syncs_the_contact_and_leaves_messages_and_tasks_alone()
    {
        await using var app = await AppTestHost.Create().WithSetting($"{Account}:Preset", "contacts-only").StartAsync();

        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0140", firstName: "Ida")]);
        await app.DrainAsync();
        await app.PostAllAsync(
        [
            Message("evt_m1", "(201) 555-0140", "Call me tomorrow at 3pm", contactId: "c_1", at: T0.AddMinutes(1)),
            TaskEvent("evt_t1", "task.created", "t_1", "c_1", title: "Call Ida", due: T0.AddDays(1)),
            Message("evt_m2", "(201) 555-0149", "Who is this?", at: T0.AddMinutes(2)),
        ]);
        await app.DrainAsync();

        var contact = Assert.Single(Contacts(app));
        Assert.Empty(Children(app, contact, ChildKind.Note));
        Assert.Empty(Children(app, contact, ChildKind.Task));
        foreach (var skipped in new[] { MessageKey("evt_m1"), "evt_t1", MessageKey("evt_m2") })
        {
            Assert.Equal(EventLedgerStatus.Skipped, (await app.ReadLedgerAsync(skipped)).Status);
        }
    }

    [Fact]
    public async Task Contacts_and_history_keeps_the_message_as_a_note_but_makes_no_follow_up_task()
    {
        await using var app = await AppTestHost.Create().WithSetting($"{Account}:Preset", "contacts-and-history").StartAsync();

        await app.PostAllAsync([Message("evt_m1", "(201) 555-0141", "Call me tomorrow at 3pm", fromName: "Jo Park")]);
        await app.DrainAsync();

        var contact = Assert.Single(Contacts(app));
        var note = Assert.Single(Children(app, contact, ChildKind.Note));
        Assert.EndsWith("ref: " + MessageKey("evt_m1"), (string)note["body"]!, StringComparison.Ordinal);
        Assert.Empty(Children(app, contact, ChildKind.Task));
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync(MessageKey("evt_m1"))).Status);
    }

    [Fact]
    public async Task Everything_makes_the_note_and_the_follow_up_task_once_each_through_a_ghost_write_and_re_deliveries()
    {
        var crash = new CrashPlan(after: typeof(CreateTaskStep));
        await using var app = await AppTestHost.Create().WithServices(crash.Install).StartAsync();
        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0142", firstName: "Kai")]);
        await app.DrainAsync();

        // The note's and the task's creates are both applied in GHL but answered with a 500; then the
        // worker dies right after the task was made, before recording it; then Roezan sends the webhook again.
        app.Simulator.Settings = app.Simulator.Settings with { GhostWriteCount = 2, GhostWriteMode = GhostWriteMode.ServerError };
        var message = Message("evt_m1", "(201) 555-0142", "Can you call me tomorrow at 3pm?", contactId: "c_1", at: T0.AddMinutes(1));
        await app.PostAllAsync([message]);
        await app.DrainAsync();
        Assert.Equal(200, (await app.PostAsync(message)).StatusCode);
        await app.DrainAsync();

        var contact = Assert.Single(Contacts(app));
        var note = Assert.Single(Children(app, contact, ChildKind.Note));
        Assert.Contains("Can you call me tomorrow at 3pm?", (string)note["body"]!, StringComparison.Ordinal);
        var task = Assert.Single(Children(app, contact, ChildKind.Task));
        Assert.StartsWith("Follow up: ", (string)task["title"]!, StringComparison.Ordinal);
        Assert.Equal("Can you call me tomorrow at 3pm?\n\nref: " + MessageKey("evt_m1"), (string)task["body"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)task["dueDate"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False((bool)task["completed"]!);
        Assert.Equal(1, crash.Crashes);
        Assert.True(app.Simulator.State.Recorded.Count(request => request.Method == "GET" && request.Path.EndsWith("/tasks", StringComparison.Ordinal)) >= 2, "the ghost write and the re-delivery each looked the task up by its ref line");
        var ledger = await app.ReadLedgerAsync(MessageKey("evt_m1"));
        Assert.Equal(EventLedgerStatus.Applied, ledger.Status);
        Assert.Equal(2, ledger.Attempts);
    }

    [Fact]
    public async Task Mapping_sends_custom_fields_by_key_and_id_the_default_source_prefixed_tags_and_mirrors_removals()
    {
        await using var app = await AppTestHost.Create().WithSettings(new Dictionary<string, string?>
        {
            [$"{Account}:Mapping:StandardFields:lastName"] = "companyName",
            [$"{Account}:Mapping:CustomFields:plan:Key"] = "contact.plan",
            [$"{Account}:Mapping:CustomFields:tier:Id"] = "cf-tier-1",
            [$"{Account}:Mapping:TagPrefix"] = "roezan:",
            [$"{Account}:Mapping:TagMode"] = "Mirror",
            [$"{Account}:Mapping:NoteOnContactUpdate"] = "true",
        }).StartAsync();

        await app.PostAllAsync([WithCustomFields(ContactCreated("evt_1", "c_1", "(201) 555-0143", "lu@example.com", "Lu", "Lu Bakery", ["vip", "lead"]), ("plan", "gold"), ("tier", "2"))]);
        await app.DrainAsync();
        await app.PostAllAsync([ContactUpdated("evt_2", "c_1", "(201) 555-0143", firstName: "Lucia", lastName: "Lu Bakes", tags: ["vip"], at: T0.AddMinutes(5))]);
        await app.DrainAsync();

        var contact = Assert.Single(Contacts(app));
        Assert.Equal("Lucia", (string?)contact["firstName"]);
        Assert.Null(contact["lastName"]);
        Assert.Equal("Lu Bakery", (string?)contact["companyName"]);
        Assert.Equal("Roezan SMS", (string?)contact["source"]);
        Assert.Equal(["roezan:vip"], contact["tags"]!.AsArray().Select(tag => (string)tag!));
        var fields = contact["customFields"]!.AsArray().OfType<JsonObject>().ToDictionary(field => (string)field["id"]!, field => (string?)field["value"]);
        Assert.Equal("gold", fields["contact.plan"]);
        Assert.Equal("2", fields["cf-tier-1"]);
        var created = Assert.Single(app.Simulator.State.Recorded, request => request.Path == "/contacts/upsert");
        Assert.Contains("\"key\":\"contact.plan\"", created.Body, StringComparison.Ordinal);
        var put = Assert.Single(app.Simulator.State.Recorded, request => request.Method == "PUT");
        Assert.DoesNotContain("companyName", put.Body, StringComparison.Ordinal);
        Assert.Single(app.Simulator.State.Recorded, request => request.Method == "DELETE" && request.Path.EndsWith("/tags", StringComparison.Ordinal));
        var note = Assert.Single(Children(app, contact, ChildKind.Note));
        Assert.Equal("Updated from Roezan:\n- firstName: Lucia\n- tags removed: roezan:lead\n\nref: evt_2", (string)note["body"]!);
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_2")).Status);
    }

    private static IReadOnlyList<JsonObject> Contacts(AppTestHost app) => app.Simulator.State.ContactsOf(AppTestHost.LocationId);

    private static IReadOnlyList<JsonObject> Children(AppTestHost app, JsonObject contact, ChildKind kind) =>
        app.Simulator.State.ChildrenOf(AppTestHost.LocationId, (string)contact["id"]!, kind);

    private static string WithCustomFields(string body, params (string Name, string Value)[] values)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var custom = new JsonObject();
        foreach (var (name, value) in values)
        {
            custom[name] = value;
        }

        root["data"]!["contact"]!["customFields"] = custom;
        return root.ToJsonString();
    }
}
