using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

public sealed class ContactPlanningTests
{
    [Fact]
    public void Contact_created_without_a_link_upserts_without_tags_then_adds_the_tags()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana()));

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        Assert.True(plan.CreatesContact);
        Assert.Collection(
            plan.Steps,
            step =>
            {
                var upsert = Assert.IsType<UpsertContactStep>(step);
                Assert.Equal("Ana", upsert.Fields.FirstName);
                Assert.Equal("Diaz", upsert.Fields.LastName);
                Assert.Equal("+12015550123", upsert.Fields.Phone);
                Assert.Equal("ana@example.com", upsert.Fields.Email);
                Assert.Equal("gold", upsert.Fields.CustomFields["plan"]);
                Assert.Empty(upsert.Fields.Tags);
            },
            step => Assert.Equal(["vip"], Assert.IsType<AddTagsStep>(step).Tags));
        Assert.Equal(["vip"], plan.ContactState!.Tags);
        Assert.Equal(T0, plan.ContactStateOccurredAt);
        Assert.Equal(new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123", Email = "ana@example.com" }, plan.Contact);
    }

    [Fact]
    public void Contact_created_without_tags_is_a_single_upsert()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(c => c.Tags = [])));

        Assert.IsType<UpsertContactStep>(Assert.Single(plan.Steps));
    }

    [Fact]
    public void Contact_created_with_upsert_off_creates_the_contact()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana()), profile: PlanningProfile.Default with { ContactWrite = ContactWriteMode.Create });

        Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.IsType<AddTagsStep>(plan.Steps[1]);
    }

    [Fact]
    public void A_created_contact_carries_its_tags_in_the_create_body_and_adds_them_only_if_the_create_finds_an_existing_contact()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(c => c.Tags = ["lead", "vip"])), profile: PlanningProfile.Default with { ContactWrite = ContactWriteMode.Create });

        var create = Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.Equal(["lead", "vip"], create.Tags);
        Assert.Empty(create.Fields.Tags);
        var tags = Assert.IsType<AddTagsStep>(plan.Steps[1]);
        Assert.True(tags.OnlyIfContactFound);
        Assert.Equal(["lead", "vip"], tags.Tags);
    }

    [Fact]
    public void An_upserted_contact_never_carries_tags_in_the_upsert_since_they_would_replace_the_matched_contacts_tags()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(c => c.Tags = ["lead"])));

        var upsert = Assert.IsType<UpsertContactStep>(plan.Steps[0]);
        Assert.Empty(upsert.Fields.Tags);
        var tags = Assert.IsType<AddTagsStep>(plan.Steps[1]);
        Assert.False(tags.OnlyIfContactFound);
    }

    [Fact]
    public void A_created_contact_without_tags_is_one_create_and_nothing_else()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(c => c.Tags = null)), profile: PlanningProfile.Default with { ContactWrite = ContactWriteMode.Create });

        var create = Assert.IsType<CreateContactStep>(Assert.Single(plan.Steps));
        Assert.Empty(create.Tags);
    }

    [Fact]
    public void Contact_without_phone_or_email_is_created_because_upsert_could_match_nothing()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(c => { c.Phone = null; c.Email = " "; })));

        var create = Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.Null(create.Fields.Email);
        Assert.Equal(["roezan:acct-1:c_1"], plan.Contact.CreationClaimKeys("acct-1"));
    }

    [Fact]
    public void Contact_with_nothing_to_write_is_invalid()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_9", Tags = ["x"] }));

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Contact_event_without_contact_data_is_invalid_and_says_which_field()
    {
        var plan = Plan(new RoezanEvent { Id = "evt_x", Type = RoezanEventTypes.ContactUpdated, OccurredAt = T0, Data = new RoezanEventData() });

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Contains("data.contact", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_sends_only_the_changed_non_empty_fields()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.LastName = "Diaz-Lopez"; c.Email = "ana@example.com"; })),
            Linked(AnaAsApplied, T0.AddMinutes(-5)));

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Diaz-Lopez", update.Fields.LastName);
        Assert.Null(update.Fields.FirstName);
        Assert.Null(update.Fields.Email);
        Assert.Null(update.Fields.Phone);
        Assert.Empty(update.Fields.CustomFields);
        Assert.Empty(update.Fields.Tags);
        Assert.Equal("ghl-1", plan.GhlContactId);
    }

    [Fact]
    public void Update_with_empty_email_keeps_the_ghl_email()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.Email = ""; c.FirstName = null; c.CustomFields = null; c.Tags = null; c.Phone = "+12015550199"; })),
            Linked(AnaAsApplied, T0.AddMinutes(-5)));

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("+12015550199", update.Fields.Phone);
        Assert.Null(update.Fields.Email);
        Assert.Null(update.Fields.FirstName);
        Assert.Equal("ana@example.com", plan.ContactState!.Email);
        Assert.Equal("Ana", plan.ContactState.FirstName);
        Assert.Equal("gold", plan.ContactState.CustomFields["plan"]);
    }

    [Fact]
    public void Update_adds_only_the_tags_the_contact_does_not_have_ignoring_case()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.Tags = ["VIP", "newsletter", "newsletter"])),
            Linked(AnaAsApplied, T0.AddMinutes(-5)));

        var tags = Assert.IsType<AddTagsStep>(Assert.Single(plan.Steps));
        Assert.Equal(["newsletter"], tags.Tags);
        Assert.Equal(["vip", "newsletter"], plan.ContactState!.Tags);
    }

    [Fact]
    public void Update_that_drops_a_tag_never_removes_it()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.Tags = []; c.FirstName = "Anna"; })),
            Linked(AnaAsApplied, T0.AddMinutes(-5)));

        Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal(["vip"], plan.ContactState!.Tags);
    }

    [Fact]
    public void Update_older_than_the_last_applied_change_is_skipped_as_stale()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Old"), at: T0.AddMinutes(-1)),
            Linked(AnaAsApplied, T0));

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
        Assert.Contains("evt_0", plan.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Steps);
        Assert.Null(plan.ContactState);
    }

    [Fact]
    public void Stale_update_with_a_note_still_appends_the_note_but_no_values()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.FirstName = "Old"; c.Note = "called back"; }), at: T0.AddMinutes(-1)),
            Linked(AnaAsApplied, T0));

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        var note = Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Equal("called back\n\nref: evt_1", note.Body);
        Assert.Null(plan.ContactState);
    }

    [Fact]
    public void Stale_update_still_fills_a_value_ghl_never_got_but_overwrites_nothing()
    {
        var applied = AnaAsApplied with { Email = null };
        var plan = Plan(
            Contact(RoezanEventTypes.ContactCreated, Ana(c => c.LastName = "Older"), at: T0.AddMinutes(-1)),
            Linked(applied, T0));

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("ana@example.com", update.Fields.Email);
        Assert.Null(update.Fields.LastName);
        Assert.Null(update.Fields.FirstName);
        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
        Assert.Equal("Diaz", plan.ContactState!.LastName);
        Assert.Equal("ana@example.com", plan.ContactState.Email);
        Assert.Equal(T0, plan.ContactStateOccurredAt);
    }

    [Fact]
    public void Update_at_the_same_instant_as_the_last_one_is_not_stale()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Anna")),
            Linked(AnaAsApplied, T0));

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
    }

    [Fact]
    public void Update_at_the_same_instant_as_the_last_one_but_with_a_smaller_event_id_is_stale()
    {
        // The burst's lost contact: evt-654 was applied first, then evt-653 of the same millisecond would have put its
        // older names back over it. At one instant the event id orders them, whichever is processed first.
        var newer = Linked(AnaAsApplied, T0) with { Contact = Linked(AnaAsApplied, T0).Contact! with { LastEventId = "evt-bench-a-000654" } };
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.FirstName = "Older"; c.Tags = ["vip", "tag-653"]; }), id: "evt-bench-a-000653", at: T0), newer);

        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
        var tags = Assert.IsType<AddTagsStep>(Assert.Single(plan.Steps));
        Assert.Equal(["tag-653"], tags.Tags);
        Assert.Equal("evt-bench-a-000654", plan.ContactStateEventId);
    }

    [Fact]
    public void Update_at_the_same_instant_as_a_change_made_in_ghl_is_not_stale()
    {
        var fromGhl = Linked(AnaAsApplied, T0) with { Contact = Linked(AnaAsApplied, T0).Contact! with { LastEventId = "ghl:wh-1" } };
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Anna"), at: T0), fromGhl);

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        Assert.DoesNotContain("stale", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_of_a_contact_made_from_a_message_is_never_stale()
    {
        var fromMessage = new ContactFields { Phone = "+12015550123", FirstName = "Ana" };
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana(), at: T0.AddHours(-1)), Linked(fromMessage, lastOccurredAt: null));

        var update = Assert.IsType<UpdateContactStep>(plan.Steps[0]);
        Assert.Equal("Diaz", update.Fields.LastName);
        Assert.Equal("ana@example.com", update.Fields.Email);
        Assert.Null(update.Fields.FirstName);
        Assert.Null(update.Fields.Phone);
        Assert.IsType<AddTagsStep>(plan.Steps[1]);
        Assert.Equal(T0.AddHours(-1), plan.ContactStateOccurredAt);
    }

    [Fact]
    public void Update_with_nothing_new_is_skipped_and_moves_the_ordering_time_on()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana()), Linked(AnaAsApplied, T0.AddMinutes(-5)));

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.StartsWith("no change", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(T0, plan.ContactStateOccurredAt);
    }

    [Fact]
    public void Update_of_an_unlinked_contact_upserts_it()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana()));

        Assert.IsType<UpsertContactStep>(plan.Steps[0]);
    }

    [Fact]
    public void Update_with_a_note_appends_it_with_the_event_reference()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.Note = "  prefers evenings ")), Linked(AnaAsApplied, T0.AddMinutes(-5)));

        var note = Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Equal("prefers evenings\n\nref: evt_1", note.Body);
        Assert.Equal("evt_1", note.Reference);
    }

    [Fact]
    public void Custom_field_change_is_sent_alone()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.CustomFields = new() { ["plan"] = System.Text.Json.JsonSerializer.SerializeToElement(42) })),
            Linked(AnaAsApplied, T0.AddMinutes(-5)));

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("42", update.Fields.CustomFields["plan"]);
        Assert.Null(update.Fields.FirstName);
    }

    [Theory]
    [InlineData(RoezanEventTypes.ContactCreated, SyncFlows.ContactCreated)]
    [InlineData(RoezanEventTypes.ContactUpdated, SyncFlows.ContactUpdated)]
    public void Contact_flow_turned_off_skips_the_event(string type, SyncFlows off)
    {
        var plan = Plan(Contact(type, Ana()), profile: PlanningProfile.Default with { Flows = SyncFlows.All & ~off });

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.Contains(off.ToString(), plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_from_the_profile_decides_the_ghl_values()
    {
        var mapping = new Moq.Mock<IContactFieldMapping>();
        mapping.Setup(m => m.Map(Moq.It.IsAny<RoezanContact>())).Returns(new ContactFields { Phone = "+12015550123", CustomFields = new Dictionary<string, string> { ["contact.tier"] = "gold" } });

        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana()), profile: PlanningProfile.Default with { FieldMapping = mapping.Object });

        var upsert = Assert.IsType<UpsertContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("gold", upsert.Fields.CustomFields["contact.tier"]);
        Assert.Null(upsert.Fields.FirstName);
    }

    [Fact]
    public void Plan_prints_each_step_with_its_reason()
    {
        var text = Plan(Contact(RoezanEventTypes.ContactCreated, Ana())).Describe();

        Assert.Equal(
            "evt_1 contact.created (account acct-1): apply - create the GHL contact for Roezan contact c_1\n" +
            "  1. POST /contacts/upsert (firstName, lastName, email, phone, customField:plan) - Roezan contact c_1 has no GHL contact linked yet; upsert matches an existing one by phone/email\n" +
            "  2. POST /contacts/{id}/tags (1 tag) - tags are added, never sent with the contact (that would replace GHL's tags)",
            text);
        Assert.DoesNotContain("ana@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Planning_twice_gives_the_same_plan()
    {
        var snapshot = Linked(AnaAsApplied, T0.AddMinutes(-5));
        var roezanEvent = Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.FirstName = "Anna"; c.Tags = ["new"]; }));

        Assert.Equal(Plan(roezanEvent, snapshot).Describe(), Plan(roezanEvent, snapshot).Describe());
    }
}
