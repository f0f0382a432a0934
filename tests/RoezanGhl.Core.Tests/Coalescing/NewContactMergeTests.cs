using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Coalescing;

public sealed class NewContactMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_contact_created_carries_an_update_of_the_same_contact_with_the_same_or_no_phone_and_email()
    {
        var created = Event("evt_1", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", Email = "ann@example.com", LastName = "Lee" });

        Assert.True(NewContactMerge.CanAbsorb(created, Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", Email = "ann@example.com", LastName = "Lee-2" })));
        Assert.True(NewContactMerge.CanAbsorb(created, Event("evt_3", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "", LastName = "Lee-3" })));
    }

    [Fact]
    public void An_update_of_a_contact_that_finds_no_link_carries_the_next_updates_too()
    {
        var first = Event("evt_1", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", LastName = "Lee" });

        Assert.True(NewContactMerge.CanAbsorb(first, Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", LastName = "Lee-2" })));
    }

    [Theory]
    [InlineData("(201) 555-0161", null)]
    [InlineData(null, "other@example.com")]
    [InlineData("(201) 555-0160 ", null)]
    public void An_update_naming_another_phone_or_email_is_not_carried_since_its_creation_claim_is_not_held(string? phone, string? email)
    {
        var created = Event("evt_1", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", Email = "ann@example.com" });

        Assert.False(NewContactMerge.CanAbsorb(created, Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = phone, Email = email })));
    }

    [Fact]
    public void An_update_adding_an_email_the_created_contact_had_none_of_is_not_carried()
    {
        var created = Event("evt_1", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160" });

        Assert.False(NewContactMerge.CanAbsorb(created, Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Email = "ann@example.com" })));
    }

    [Fact]
    public void Another_contacts_update_an_update_with_a_note_and_a_second_created_are_not_carried()
    {
        var created = Event("evt_1", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160" });

        Assert.False(NewContactMerge.CanAbsorb(created, Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_2" })));
        Assert.False(NewContactMerge.CanAbsorb(created, Event("evt_3", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Note = "Prefers mornings" })));
        Assert.False(NewContactMerge.CanAbsorb(created, Event("evt_4", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1" })));
    }

    [Fact]
    public void A_created_contact_merged_with_its_updates_is_still_a_contact_created_with_the_newest_values_and_every_tag()
    {
        var created = new ContactChange(Event("evt_1", RoezanEventTypes.ContactCreated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", Email = "ann@example.com", FirstName = "Ann", LastName = "Lee", Tags = ["lead"] }, T0), T0);
        var update = new ContactChange(Event("evt_2", RoezanEventTypes.ContactUpdated, new RoezanContact { Id = "c_1", Phone = "(201) 555-0160", LastName = "Lee-2", Tags = ["vip"] }, T0.AddMinutes(1)), T0.AddMinutes(1));

        var merged = ContactChangeMerger.Merge(created, [update], tagsAreWholeSet: false);

        Assert.Equal(RoezanEventTypes.ContactCreated, merged.Type);
        Assert.Equal("evt_1", merged.Id);
        Assert.Equal(T0.AddMinutes(1), merged.OccurredAt);
        Assert.Equal(("Ann", "Lee-2", "ann@example.com"), (merged.Data!.Contact!.FirstName, merged.Data.Contact.LastName, merged.Data.Contact.Email));
        Assert.Equal(["lead", "vip"], merged.Data.Contact.Tags!);
    }

    private static RoezanEvent Event(string id, string type, RoezanContact contact, DateTimeOffset? at = null) =>
        new() { Id = id, Type = type, AccountId = "acc_1", OccurredAt = at ?? T0, Data = new RoezanEventData { Contact = contact } };
}
