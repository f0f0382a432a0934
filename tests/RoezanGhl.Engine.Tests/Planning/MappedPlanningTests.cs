using System.Text.Json;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Engine.Processing;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Engine.Tests.Planning;

/// <summary>Configured accounts through the planner: their mapping, preset and follow-up rule, as <see cref="AccountPlanningProfiles"/> builds them.</summary>
public sealed class MappedPlanningTests
{
    private static readonly AccountMapping Shop = new()
    {
        StandardFields = new() { ["lastName"] = "companyName" },
        CustomFields = new()
        {
            ["plan"] = new GhlCustomFieldTarget { Key = "contact.plan" },
            ["tier"] = new GhlCustomFieldTarget { Id = "cf-tier-1" },
        },
        Source = "Roezan SMS",
        TagPrefix = "roezan:",
        TagMode = TagMode.Mirror,
        NoteOnContactUpdate = true,
    };

    private static PlanningProfile Profile(string? preset = null, AccountMapping? mapping = null, string zone = "America/New_York") =>
        AccountPlanningProfiles.Build("acct-1", new RoezanAccountOptions { GhlLocationId = "loc-1", TimeZone = zone, Preset = preset, Mapping = mapping });

    private static RoezanContact Customer() => Ana(c => c.CustomFields = new()
    {
        ["plan"] = JsonSerializer.SerializeToElement("gold"),
        ["tier"] = JsonSerializer.SerializeToElement(2),
        ["unmapped"] = JsonSerializer.SerializeToElement("left out"),
    });

    [Fact]
    public void New_contact_is_upserted_with_mapped_fields_custom_fields_by_key_and_id_the_default_source_and_prefixed_tags()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Customer()), profile: Profile(mapping: Shop));

        var upsert = Assert.IsType<UpsertContactStep>(plan.Steps[0]);
        Assert.Null(upsert.Fields.LastName);
        Assert.Equal("Diaz", upsert.Fields.StandardFields["companyName"]);
        Assert.Equal("Roezan SMS", upsert.Fields.StandardFields["source"]);
        Assert.Equal("gold", upsert.Fields.CustomFieldsByKey["contact.plan"]);
        Assert.Equal("2", upsert.Fields.CustomFields["cf-tier-1"]);
        Assert.DoesNotContain("unmapped", upsert.Fields.CustomFields.Keys);
        Assert.Equal(["roezan:vip"], Assert.IsType<AddTagsStep>(plan.Steps[1]).Tags);
    }

    [Fact]
    public void Update_of_a_linked_contact_drops_company_name_which_ghl_put_does_not_take()
    {
        var applied = new AccountContactFieldMapping(Shop).Map(Customer()).ForUpdate();

        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.LastName = "Diaz-Ortega"; c.FirstName = "Anna"; c.Tags = null; })), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: Shop));

        var update = Assert.IsType<UpdateContactStep>(plan.Steps[0]);
        Assert.Equal("Anna", update.Fields.FirstName);
        Assert.DoesNotContain("companyName", update.Fields.StandardFields.Keys);
        Assert.DoesNotContain("companyName", plan.ContactState!.StandardFields.Keys);
    }

    [Fact]
    public void Mirror_mode_removes_the_prefixed_tags_roezan_no_longer_has_and_records_them_gone()
    {
        var applied = new ContactFields { Phone = "+12015550123", Tags = ["roezan:vip", "roezan:lead", "ghl-own"] };

        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "+12015550123", Tags = ["vip", "new"] }), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: Shop));

        Assert.Equal(["roezan:new"], Assert.IsType<AddTagsStep>(plan.Steps.Single(s => s is AddTagsStep)).Tags);
        Assert.Equal(["roezan:lead"], Assert.IsType<RemoveTagsStep>(plan.Steps.Single(s => s is RemoveTagsStep)).Tags);
        Assert.Equal(["roezan:vip", "ghl-own", "roezan:new"], plan.ContactState!.Tags);
    }

    [Fact]
    public void Additive_mode_and_an_update_without_a_tag_list_remove_nothing()
    {
        var applied = new ContactFields { Phone = "+12015550123", Tags = ["roezan:vip", "roezan:lead"] };
        var additive = new AccountMapping { TagPrefix = "roezan:" };

        var added = Plan(Contact(RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "+12015550123", Tags = ["vip"] }), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: additive));
        var silent = Plan(Contact(RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "+12015550123", Tags = null }), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: Shop));

        Assert.DoesNotContain(added.Steps, step => step is RemoveTagsStep);
        Assert.DoesNotContain(silent.Steps, step => step is RemoveTagsStep);
    }

    [Fact]
    public void Note_on_contact_update_lists_what_changed_in_the_one_note_of_the_event()
    {
        var applied = new AccountContactFieldMapping(Shop).Map(Customer()).ForUpdate();

        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.FirstName = "Anna"; c.Tags = ["vip"]; c.Note = "Prefers evenings"; c.CustomFields = null; })), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: Shop));

        var note = Assert.Single(plan.Steps.OfType<CreateNoteStep>());
        Assert.Equal("Updated from Roezan:\n- firstName: Anna\n\nPrefers evenings\n\nref: evt_1", note.Body);
    }

    [Fact]
    public void No_note_on_contact_update_when_nothing_changed_or_the_account_did_not_ask()
    {
        var applied = new AccountContactFieldMapping(Shop).Map(Customer()).ForUpdate();

        var unchanged = Plan(Contact(RoezanEventTypes.ContactUpdated, Customer()), Linked(applied, T0.AddMinutes(-5)), Profile(mapping: Shop));
        var notAsked = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Anna")), Linked(AnaAsApplied, T0.AddMinutes(-5)), Profile());

        Assert.Equal(PlanDisposition.Skip, unchanged.Disposition);
        Assert.DoesNotContain(notAsked.Steps, step => step is CreateNoteStep);
    }

    [Fact]
    public void First_message_contact_goes_through_the_mapping_and_keeps_the_number()
    {
        var plan = Plan(Message("hello"), profile: Profile(mapping: new AccountMapping { StandardFields = new() { ["phone"] = "none" }, Source = "SMS inbound" }));

        var create = Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.Equal("+12015550123", create.Fields.Phone);
        Assert.Equal("Ana", create.Fields.FirstName);
        Assert.Equal("SMS inbound", create.Fields.StandardFields["source"]);
    }

    [Theory]
    [InlineData(FlowPresets.ContactsOnly, "")]
    [InlineData(FlowPresets.ContactsAndHistory, "createNote")]
    [InlineData(FlowPresets.Everything, "createNote createTask")]
    public void Presets_decide_what_a_follow_up_message_to_a_linked_contact_becomes(string preset, string steps)
    {
        var plan = Plan(Message("Can you call me tomorrow at 3pm?"), Linked(AnaAsApplied), Profile(preset));

        Assert.Equal(steps, string.Join(" ", plan.Steps.Select(StepKind)));
        Assert.Equal(steps.Length == 0 ? PlanDisposition.Skip : PlanDisposition.Apply, plan.Disposition);
    }

    [Theory]
    [InlineData(FlowPresets.ContactsOnly, PlanDisposition.Skip)]
    [InlineData(FlowPresets.ContactsAndHistory, PlanDisposition.Skip)]
    [InlineData(FlowPresets.Everything, PlanDisposition.Apply)]
    public void Only_everything_syncs_roezan_tasks(string preset, PlanDisposition expected)
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Call" }), Linked(AnaAsApplied), Profile(preset));

        Assert.Equal(expected, plan.Disposition);
    }

    [Theory]
    [InlineData(FlowPresets.ContactsOnly, PlanDisposition.Skip)]
    [InlineData(FlowPresets.ContactsAndHistory, PlanDisposition.Apply)]
    public void Roezan_notes_need_the_history_preset(string preset, PlanDisposition expected) =>
        Assert.Equal(expected, Plan(Note("met at the fair"), Linked(AnaAsApplied), Profile(preset)).Disposition);

    [Theory]
    [InlineData("America/New_York", "2026-11-25T20:00:00Z")]
    [InlineData("Europe/London", "2026-11-25T15:00:00Z")]
    public void Follow_up_task_is_due_in_the_account_time_zone_from_when_the_message_was_received(string zone, string dueUtc)
    {
        var plan = Plan(Message("Can you call me tomorrow at 3pm?"), Linked(AnaAsApplied), Profile(zone: zone));

        var task = Assert.IsType<CreateTaskStep>(plan.Steps[1]);
        Assert.Equal(DateTimeOffset.Parse(dueUtc, System.Globalization.CultureInfo.InvariantCulture), task.Fields.DueDate);
        Assert.StartsWith("Follow up: ", task.Fields.Title, StringComparison.Ordinal);
        Assert.Equal("Can you call me tomorrow at 3pm?\n\nref: evt_m1", task.Fields.Body);
        Assert.False(task.Fields.Completed);
        Assert.Equal("evt_m1", task.Reference);
    }

    [Fact]
    public void Message_without_a_follow_up_makes_only_its_note()
    {
        var plan = Plan(Message("No need to remind me, thanks"), Linked(AnaAsApplied), Profile());

        Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
    }

    [Fact]
    public void Payload_view_shows_the_mapped_ghl_bodies_with_personal_values_masked()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Customer()), profile: Profile(mapping: Shop));

        var masked = GhlPlanPayloads.Describe(plan, "loc-1");
        var full = GhlPlanPayloads.Describe(plan, "loc-1", maskPersonalData: false);

        Assert.StartsWith(plan.Describe().Split('\n')[0], masked, StringComparison.Ordinal);
        Assert.Contains("\"companyName\": \"D***\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"Roezan SMS\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"contact.plan\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"cf-tier-1\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"roezan:vip\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"locationId\": \"loc-1\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("5550123", masked, StringComparison.Ordinal);
        Assert.Contains("\"phone\": \"+*******\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("gold", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tags\"", GhlPlanPayloads.BodyOf(plan.Steps[0], "loc-1")!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"email\": \"ana@example.com\"", full, StringComparison.Ordinal);
        Assert.Contains("\"field_value\": \"gold\"", full, StringComparison.Ordinal);
        Assert.DoesNotContain("Diaz", plan.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_view_of_an_update_has_no_company_name_and_of_a_follow_up_shows_the_task()
    {
        var update = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.LastName = "Diaz-Ortega")), Linked(AnaAsApplied, T0.AddMinutes(-5)), Profile(mapping: Shop));
        var message = Plan(Message("Can you call me tomorrow at 3pm?"), Linked(AnaAsApplied), Profile());

        Assert.DoesNotContain("companyName", GhlPlanPayloads.Describe(update, "loc-1", maskPersonalData: false), StringComparison.Ordinal);
        var task = GhlPlanPayloads.BodyOf(message.Steps[1], "loc-1")!;
        Assert.Equal("2026-11-25T20:00:00.000Z", (string?)task["dueDate"]);
        Assert.False((bool)task["completed"]!);
    }

    private static string StepKind(PlanStep step) => step switch
    {
        CreateNoteStep => "createNote",
        CreateTaskStep => "createTask",
        _ => step.GetType().Name,
    };
}
