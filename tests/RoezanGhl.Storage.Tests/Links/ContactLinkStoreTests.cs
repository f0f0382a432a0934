using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Storage.Tests.Links;

[IntegrationLane]
public sealed class ContactLinkStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private readonly ContactLinkStore _store = new(LinksTableFixture.Create(), LinksTableFixture.StateBlobs(), new ContactLinkCache(TimeProvider.System));
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Unlinked_contact_reads_as_an_empty_snapshot()
    {
        var snapshot = await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { Phone = "+12015550123" } }, _ct);

        Assert.Null(snapshot.Contact);
        Assert.Null(snapshot.Task);
    }

    [Fact]
    public async Task Recorded_contact_is_found_by_each_identity_with_its_state()
    {
        var identity = new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123", Email = "ana@example.com" };
        var fields = new ContactFields { FirstName = "Ana", Phone = "+12015550123", Tags = ["vip"], CustomFields = new Dictionary<string, string> { ["plan"] = "gold" } };
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", identity, new ContactSnapshot { GhlContactId = "ghl-1", Fields = fields, LastOccurredAt = T0, LastEventId = "evt_1" }, "evt_1", _ct);

        foreach (var probe in new[] { new ContactIdentity { RoezanContactId = "c_1" }, new ContactIdentity { Phone = "+12015550123" }, new ContactIdentity { Email = "ana@example.com" } })
        {
            var snapshot = await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = probe }, _ct);
            Assert.Equal("ghl-1", snapshot.Contact?.GhlContactId);
            Assert.Equal(fields, snapshot.Contact!.Fields);
            Assert.Equal(T0, snapshot.Contact.LastOccurredAt);
            Assert.Equal("evt_1", snapshot.Contact.LastEventId);
        }
    }

    [Fact]
    public async Task Per_field_change_times_are_kept_and_a_row_without_them_falls_back_to_the_contact_time()
    {
        var times = new Dictionary<string, FieldChange> { ["firstName"] = new(T0.AddMinutes(-3), RoezanGhl.Core.Sync.SyncSystem.Ghl) };
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", new ContactIdentity { Phone = "+12015550123" }, new ContactSnapshot { GhlContactId = "ghl-1", Fields = new ContactFields { FirstName = "Ana" }, LastOccurredAt = T0, FieldChanges = times, LastEventId = "evt_1" }, "evt_1", _ct);
        // Recorded without per-field times: the row has no FieldChanges column, as rows written before them.
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-2", new ContactIdentity { Phone = "+12015550124" }, new ContactSnapshot { GhlContactId = "ghl-2", Fields = new ContactFields { FirstName = "Bo" }, LastOccurredAt = T0, LastEventId = "evt_2" }, "evt_2", _ct);

        var kept = (await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { Phone = "+12015550123" } }, _ct)).Contact!;
        var old = (await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { Phone = "+12015550124" } }, _ct)).Contact!;

        Assert.Equal(new FieldChange(T0.AddMinutes(-3), RoezanGhl.Core.Sync.SyncSystem.Ghl), Assert.Single(kept.FieldChanges).Value);
        Assert.Equal(T0.AddMinutes(-3), kept.ChangedAt("firstName"));
        Assert.Equal(T0, kept.ChangedAt("lastName"));
        Assert.Empty(old.FieldChanges);
        Assert.Equal(T0, old.ChangedAt("firstName"));
    }

    [Fact]
    public async Task Links_are_per_location_and_roezan_ids_per_account()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123" }, null, "evt_1", _ct);

        Assert.Null(await _store.FindContactIdAsync("loc-2", "acct-1", new ContactIdentity { Phone = "+12015550123" }, _ct));
        Assert.Null(await _store.FindContactIdAsync("loc-1", "acct-2", new ContactIdentity { RoezanContactId = "c_1" }, _ct));
        Assert.Equal("ghl-1", await _store.FindContactIdAsync("loc-1", "acct-1", new ContactIdentity { RoezanContactId = "c_1" }, _ct));
    }

    [Fact]
    public async Task Roezan_id_wins_over_a_phone_that_points_elsewhere()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-phone", new ContactIdentity { Phone = "+12015550123" }, null, "evt_1", _ct);
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-roezan", new ContactIdentity { RoezanContactId = "c_1" }, null, "evt_2", _ct);

        var found = await _store.FindContactIdAsync("loc-1", "acct-1", new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123" }, _ct);

        Assert.Equal("ghl-roezan", found);
    }

    [Fact]
    public async Task Link_without_state_reads_as_an_empty_state_that_orders_nothing()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", new ContactIdentity { Phone = "+12015550123" }, null, "evt_1", _ct);

        var snapshot = await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { Phone = "+12015550123" } }, _ct);

        Assert.Equal("ghl-1", snapshot.Contact!.GhlContactId);
        Assert.True(snapshot.Contact.Fields.IsEmpty);
        Assert.Null(snapshot.Contact.LastOccurredAt);
    }

    [Fact]
    public async Task Identities_with_characters_table_keys_forbid_are_stored_and_found()
    {
        var identity = new ContactIdentity { RoezanContactId = "c/1#?\\~", Email = "a/b#c@example.com" };
        await _store.RecordContactAsync("loc/1", "acct#1", "ghl-1", identity, null, "evt_1", _ct);

        Assert.Equal("ghl-1", await _store.FindContactIdAsync("loc/1", "acct#1", new ContactIdentity { Email = "A/B#C@example.com" }, _ct));
        Assert.Equal("ghl-1", await _store.FindContactIdAsync("loc/1", "acct#1", new ContactIdentity { RoezanContactId = "c/1#?\\~" }, _ct));
    }

    [Fact]
    public async Task Task_link_is_read_back_with_its_contact()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", new ContactIdentity { RoezanContactId = "c_1" }, null, "evt_1", _ct);
        var task = new TaskSnapshot { GhlTaskId = "task-1", GhlContactId = "ghl-1", Fields = new TaskFields { Title = "Call", DueDate = T0, Completed = false }, LastOccurredAt = T0, LastEventId = "evt_t9" };
        await _store.RecordTaskAsync("loc-1", "acct-1", "t_1", task, "evt_t1", _ct);

        var snapshot = await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { RoezanContactId = "c_1" }, RoezanTaskId = "t_1" }, _ct);

        Assert.Equal(task, snapshot.Task);
        Assert.Equal("ghl-1", snapshot.Contact!.GhlContactId);
    }

    [Fact]
    public async Task The_largest_contact_and_task_values_in_emoji_are_recorded_and_read_back()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 4000));
        var custom = Enumerable.Range(0, 100).ToDictionary(i => $"field_{i}", _ => emoji);
        var fields = new ContactFields { FirstName = "Ana", Phone = "+12015550123", CustomFields = custom };
        var taskBody = string.Concat(Enumerable.Repeat("\U0001F600", 20_000));
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", new ContactIdentity { RoezanContactId = "c_1" }, new ContactSnapshot { GhlContactId = "ghl-1", Fields = fields, LastOccurredAt = T0 }, "evt_1", _ct);
        await _store.RecordTaskAsync("loc-1", "acct-1", "t_1", new TaskSnapshot { GhlTaskId = "task-1", GhlContactId = "ghl-1", Fields = new TaskFields { Body = taskBody }, LastOccurredAt = T0 }, "evt_t1", _ct);

        var snapshot = await _store.ReadSnapshotAsync("loc-1", "acct-1", new EventSubject { Contact = new ContactIdentity { RoezanContactId = "c_1" }, RoezanTaskId = "t_1" }, _ct);

        Assert.Equal(custom, snapshot.Contact!.Fields.CustomFields);
        Assert.Equal(taskBody, snapshot.Task!.Fields.Body);
    }
}
