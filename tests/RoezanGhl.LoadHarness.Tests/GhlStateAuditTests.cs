using System.Text.Json.Nodes;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.LoadHarness;
using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class GhlStateAuditTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly HarnessLocation Location = HarnessLocation.All[0];

    [Fact]
    public void A_message_whose_note_is_on_the_senders_contact_is_applied_and_one_without_is_lost()
    {
        var (state, world) = Seeded();
        var contact = world.Contacts[Location.Key][0];
        var applied = Message(1, contact);
        var lost = Message(2, contact);
        state.CreateNote(Location.LocationId, contact.GhlContactId!, new JsonObject { ["body"] = $"SMS: Thanks {applied.Marker}" });

        var audit = GhlStateAudit.Audit(state, [applied, lost], [Location]);

        Assert.Contains(applied.EventId, audit.Applied);
        Assert.Equal([lost.EventId], audit.Lost);
        Assert.Equal(0, audit.DuplicateWrites);
    }

    [Fact]
    public void A_note_on_the_wrong_contact_does_not_count_as_applied()
    {
        var (state, world) = Seeded();
        var message = Message(1, world.Contacts[Location.Key][0]);
        state.CreateNote(Location.LocationId, world.Contacts[Location.Key][1].GhlContactId!, new JsonObject { ["body"] = message.Marker });

        var audit = GhlStateAudit.Audit(state, [message], [Location]);

        Assert.Equal([message.EventId], audit.Lost);
    }

    [Fact]
    public void The_same_note_twice_and_a_second_contact_with_one_phone_are_duplicate_writes()
    {
        var (state, world) = Seeded();
        var contact = world.Contacts[Location.Key][0];
        var message = Message(1, contact);
        state.CreateNote(Location.LocationId, contact.GhlContactId!, new JsonObject { ["body"] = message.Marker });
        state.CreateNote(Location.LocationId, contact.GhlContactId!, new JsonObject { ["body"] = message.Marker });
        state.SeedContact(Location.LocationId, new JsonObject { ["phone"] = contact.Phone });

        var audit = GhlStateAudit.Audit(state, [message], [Location]);

        Assert.Contains(message.EventId, audit.Applied);
        Assert.Equal(1, audit.DuplicateNotes);
        Assert.Equal(1, audit.DuplicateContacts);
        Assert.Equal(2, audit.DuplicateWrites);
    }

    [Fact]
    public void An_update_counts_only_when_the_contact_has_its_new_last_name_and_tag()
    {
        var (state, world) = Seeded();
        var contact = world.Contacts[Location.Key][0];
        var update = Event(1, EventKind.ContactUpdated) with { Contact = contact, LastName = "Diaz-1", NewTag = "tag-bench-a000001" };
        state.UpdateContact(Location.LocationId, contact.GhlContactId!, new JsonObject { ["lastName"] = "Diaz-1" });

        Assert.Equal([update.EventId], GhlStateAudit.Audit(state, [update], [Location]).Lost);

        state.ChangeTags(Location.LocationId, contact.GhlContactId!, new JsonObject { ["tags"] = new JsonArray("tag-bench-a000001") }, add: true);

        Assert.Contains(update.EventId, GhlStateAudit.Audit(state, [update], [Location]).Applied);
    }

    [Fact]
    public void Updates_of_one_contact_count_when_it_holds_the_newest_values_and_every_tag()
    {
        var (state, world) = Seeded();
        var contact = world.Contacts[Location.Key][0];
        var older = Event(1, EventKind.ContactUpdated) with { Contact = contact, FirstName = "Ana-1", LastName = "Diaz-1", NewTag = "tag-bench-a000001" };
        var newer = Event(2, EventKind.ContactUpdated) with { Contact = contact, FirstName = "Ana-1", LastName = "Diaz-2" };
        state.UpdateContact(Location.LocationId, contact.GhlContactId!, new JsonObject { ["firstName"] = "Ana-1", ["lastName"] = "Diaz-2" });

        var missingTag = GhlStateAudit.Audit(state, [older, newer], [Location]);
        Assert.Equal([older.EventId], missingTag.Lost);
        Assert.Equal(1, missingTag.FieldsLost);

        state.ChangeTags(Location.LocationId, contact.GhlContactId!, new JsonObject { ["tags"] = new JsonArray("tag-bench-a000001") }, add: true);
        var whole = GhlStateAudit.Audit(state, [older, newer], [Location]);
        Assert.Empty(whole.Lost);
        Assert.Equal(0, whole.FieldsLost);

        // The older last name winning over the newer one is a lost field, and both updates count as lost.
        state.UpdateContact(Location.LocationId, contact.GhlContactId!, new JsonObject { ["lastName"] = "Diaz-1" });
        var overwritten = GhlStateAudit.Audit(state, [older, newer], [Location]);
        Assert.Equal(1, overwritten.FieldsLost);
        Assert.Equal(2, overwritten.Lost.Count);
    }

    [Fact]
    public void A_completion_counts_when_the_contacts_task_is_completed()
    {
        var (state, world) = Seeded();
        var contact = world.Contacts[Location.Key][0];
        var done = Event(1, EventKind.TaskCompleted) with { Contact = contact, RoezanTaskId = contact.RoezanTaskId };

        Assert.Single(GhlStateAudit.Audit(state, [done], [Location]).Lost);

        state.UpdateTask(Location.LocationId, contact.GhlContactId!, contact.GhlTaskId!, new JsonObject { ["completed"] = true }, onlyCompleted: true);

        Assert.Empty(GhlStateAudit.Audit(state, [done], [Location]).Lost);
    }

    private static (SimulatorState State, SeededWorld World) Seeded()
    {
        var state = new SimulatorState(LoadHarnessRunner.RealLimits());
        var world = SeededWorld.Create([Location], 3, Day);
        world.SeedSimulator(state);
        return (state, world);
    }

    private static ScriptedEvent Message(int sequence, KnownContact contact) =>
        Event(sequence, EventKind.MessageFromKnownContact) with { Contact = contact, Text = "Thanks" };

    private static ScriptedEvent Event(int sequence, EventKind kind) => new()
    {
        Sequence = sequence,
        OffsetMs = sequence,
        Location = Location,
        Kind = kind,
        EventId = $"evt-{sequence}",
        Marker = $"[bench-a{sequence:000000}]",
    };
}
