using System.Text.Json;
using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Coalescing;

public sealed class ContactChangeMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merged_change_takes_the_newest_value_of_each_field_by_the_events_own_time()
    {
        var survivor = Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", FirstName = "Ann", LastName = "Lee-3" });
        var older = Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Anne", LastName = "Lee-1" });
        var newer = Change("evt_3", T0.AddMinutes(5), new RoezanContact { Id = "c_1", LastName = "Lee-5" });

        var merged = ContactChangeMerger.Merge(survivor, [older, newer], tagsAreWholeSet: false);

        Assert.Equal("evt_1", merged.Id);
        Assert.Equal(RoezanEventTypes.ContactUpdated, merged.Type);
        Assert.Equal(T0.AddMinutes(5), merged.OccurredAt);
        Assert.Equal("Ann", merged.Data!.Contact!.FirstName);
        Assert.Equal("Lee-5", merged.Data.Contact.LastName);
    }

    [Fact]
    public void Each_merged_name_and_email_keeps_the_time_of_the_change_it_came_from()
    {
        var survivor = Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", LastName = "Lee-3" });
        var older = Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Anne", Email = "anne@example.com" });
        var newer = Change("evt_3", T0.AddMinutes(5), new RoezanContact { Id = "c_1", Email = "ann@example.com", FirstName = " " });

        var merged = ContactChangeMerger.Merge(survivor, [older, newer], tagsAreWholeSet: false);

        Assert.Equal(T0.AddMinutes(5), merged.OccurredAt);
        Assert.Equal(T0.AddMinutes(1), merged.FieldOccurredAt!["firstName"]);
        Assert.Equal(T0.AddMinutes(3), merged.FieldOccurredAt["lastName"]);
        Assert.Equal(T0.AddMinutes(5), merged.FieldOccurredAt["email"]);
    }

    /// <summary>
    /// Roezan sends the whole contact with every change: a later change that carries a name or email unchanged did not
    /// make it, so the value keeps the time of the change that set it (two_way run: an email set before a GHL change
    /// "won" over it because a tag added after the GHL change was merged with it).
    /// </summary>
    [Fact]
    public void A_value_a_later_merged_change_carries_unchanged_keeps_the_time_of_the_change_that_set_it()
    {
        var survivor = Change("evt_1", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Anne", Email = "anne@example.com" });
        var tagged = Change("evt_2", T0.AddMinutes(4), new RoezanContact { Id = "c_1", FirstName = "Anne", Email = "Anne@Example.com", Tags = ["vip"] });
        var renamed = Change("evt_3", T0.AddMinutes(6), new RoezanContact { Id = "c_1", FirstName = "Ann", Email = "anne@example.com" });

        var merged = ContactChangeMerger.Merge(survivor, [tagged, renamed], tagsAreWholeSet: false);

        Assert.Equal(T0.AddMinutes(6), merged.FieldOccurredAt!["firstName"]);
        Assert.Equal(T0.AddMinutes(1), merged.FieldOccurredAt["email"]);
        Assert.Equal(T0.AddMinutes(6), merged.OccurredAt);
    }

    [Fact]
    public void Field_that_only_an_older_change_carried_is_kept()
    {
        var survivor = Change("evt_1", T0.AddMinutes(2), new RoezanContact { Id = "c_1", LastName = "Lee", Email = "" });
        var older = Change("evt_2", T0, new RoezanContact
        {
            Id = "c_1",
            Email = "ann@example.com",
            Phone = "+12015550150",
            CustomFields = new() { ["plan"] = Json("\"gold\""), ["size"] = Json("3") },
        });
        var newer = Change("evt_3", T0.AddMinutes(4), new RoezanContact { Id = "c_1", CustomFields = new() { ["plan"] = Json("\"\""), ["size"] = Json("4") } });

        var contact = ContactChangeMerger.Merge(survivor, [older, newer], tagsAreWholeSet: false).Data!.Contact!;

        Assert.Equal("ann@example.com", contact.Email);
        Assert.Equal("+12015550150", contact.Phone);
        Assert.Equal("Lee", contact.LastName);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "gold", ["size"] = "4" }, contact.CustomFieldTexts());
    }

    [Fact]
    public void Changes_at_the_same_moment_are_ordered_by_event_id_not_by_arrival()
    {
        // Webhooks of one millisecond are posted concurrently: evt_2 may well arrive first. The planner's stale rule
        // orders them by id too (RoezanChangeOrder), so the merge and a change applied alone pick the same winner.
        var first = Change("evt_1", T0, new RoezanContact { Id = "c_1", LastName = "First" }, arrived: T0.AddSeconds(2));
        var second = Change("evt_2", T0, new RoezanContact { Id = "c_1", LastName = "Second" }, arrived: T0.AddSeconds(1));

        Assert.Equal("Second", ContactChangeMerger.Merge(first, [second], tagsAreWholeSet: false).Data!.Contact!.LastName);
        Assert.Equal("Second", ContactChangeMerger.Merge(second, [first], tagsAreWholeSet: false).Data!.Contact!.LastName);
    }

    [Fact]
    public void Tag_additions_are_merged_into_one_list()
    {
        var survivor = Change("evt_1", T0, new RoezanContact { Id = "c_1", Tags = ["vip"] });
        var other = Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", Tags = ["lead", "VIP"] });
        var none = Change("evt_3", T0.AddMinutes(2), new RoezanContact { Id = "c_1", LastName = "Lee" });

        Assert.Equal(["vip", "lead"], ContactChangeMerger.Merge(survivor, [other, none], tagsAreWholeSet: false).Data!.Contact!.Tags);
    }

    [Fact]
    public void In_mirror_mode_the_newest_tag_list_is_the_whole_set()
    {
        var survivor = Change("evt_1", T0, new RoezanContact { Id = "c_1", Tags = ["vip", "lead"] });
        var newer = Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", Tags = ["lead"] });

        Assert.Equal(["lead"], ContactChangeMerger.Merge(survivor, [newer], tagsAreWholeSet: true).Data!.Contact!.Tags);
    }

    [Fact]
    public void An_opt_out_in_any_change_is_kept_and_the_survivors_note_stays()
    {
        var survivor = Change("evt_1", T0.AddMinutes(1), new RoezanContact { Id = "c_1", Note = "Prefers evenings", OptedOut = false });
        var older = Change("evt_2", T0, new RoezanContact { Id = "c_1", OptedOut = true, OptedOutAt = T0 });

        var contact = ContactChangeMerger.Merge(survivor, [older], tagsAreWholeSet: false).Data!.Contact!;

        Assert.True(contact.OptedOut);
        Assert.Equal(T0, contact.OptedOutAt);
        Assert.Equal("Prefers evenings", contact.Note);
    }

    [Fact]
    public void Only_note_free_updates_of_the_same_contact_can_be_absorbed()
    {
        var survivor = Change("evt_1", T0, new RoezanContact { Id = "c_1" }).Event;

        Assert.True(ContactChangeMerger.CanAbsorb(survivor, Change("evt_2", T0, new RoezanContact { Id = "c_1", LastName = "Lee" }).Event));
        Assert.False(ContactChangeMerger.CanAbsorb(survivor, Change("evt_1", T0, new RoezanContact { Id = "c_1" }).Event));
        Assert.False(ContactChangeMerger.CanAbsorb(survivor, Change("evt_3", T0, new RoezanContact { Id = "c_2" }).Event));
        Assert.False(ContactChangeMerger.CanAbsorb(survivor, Change("evt_4", T0, new RoezanContact { Id = "c_1", Note = "hi" }).Event));
        var created = Change("evt_5", T0, new RoezanContact { Id = "c_1" }).Event;
        created.Type = RoezanEventTypes.ContactCreated;
        Assert.False(ContactChangeMerger.CanAbsorb(survivor, created));
    }

    [Fact]
    public void Nothing_to_absorb_leaves_the_event_as_it_is()
    {
        var survivor = Change("evt_1", T0, new RoezanContact { Id = "c_1", LastName = "Lee" });

        Assert.Same(survivor.Event, ContactChangeMerger.Merge(survivor, [], tagsAreWholeSet: false));
    }

    private static ContactChange Change(string id, DateTimeOffset at, RoezanContact contact, DateTimeOffset? arrived = null) =>
        new(new RoezanEvent { Id = id, Type = RoezanEventTypes.ContactUpdated, OccurredAt = at, AccountId = "acme", Data = new RoezanEventData { Contact = contact } }, arrived ?? at);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
