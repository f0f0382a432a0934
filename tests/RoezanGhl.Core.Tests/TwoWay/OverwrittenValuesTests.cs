using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Core.Tests.TwoWay;

/// <summary>
/// The lost update of whole-contact webhooks: an event made before our write to its system landed carries, in the fields
/// that write replaced, the old values; they are not changes (<see cref="OverwrittenValues"/>). And conflicts are decided
/// by each side's own change time, only on the fields the other side's change wrote.
/// </summary>
public class OverwrittenValuesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly ContactFields Before = new() { FirstName = "Ana", LastName = "Lopez", Email = "ana@example.com", Phone = "+12015550123", Tags = ["vip"] };

    // We wrote GHL's new first name to Roezan at Now (GHL changed it 30 s earlier; the queue delayed the write).
    private static readonly EchoHistory WroteGina = EchoHistory.Empty.With(
        SyncSystem.Roezan, ContactFingerprint.Of(Before with { FirstName = "Gina" }), Now, OverwrittenValues.Before(Before, new ContactFields { FirstName = "Gina", Phone = "+12015550123" }), Now.AddSeconds(-30));

    [Fact]
    public void Only_the_names_and_email_a_write_replaces_are_recorded_and_as_hashes()
    {
        var before = OverwrittenValues.Before(Before, new ContactFields { FirstName = "Gina", Email = "ANA@example.com", Tags = ["x"] });

        Assert.Equal(["firstName"], before.Keys);
        Assert.DoesNotContain("Ana", before["firstName"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_made_before_our_write_that_carries_the_old_value_has_not_changed_that_field()
    {
        var incoming = Before with { Email = "rosa@example.com" };

        Assert.Equal(["firstName"], OverwrittenValues.In(incoming, Now.AddSeconds(-10), WroteGina, SyncSystem.Roezan));
        Assert.Null(OverwrittenValues.Without(incoming, new HashSet<string> { "firstName" }).FirstName);
    }

    [Fact]
    public void An_event_made_after_our_write_or_with_a_third_value_or_from_the_other_system_is_not_masked()
    {
        Assert.Empty(OverwrittenValues.In(Before, Now.AddSeconds(1), WroteGina, SyncSystem.Roezan));
        Assert.Empty(OverwrittenValues.In(Before with { FirstName = "Rosa" }, Now.AddSeconds(-10), WroteGina, SyncSystem.Roezan));
        Assert.Empty(OverwrittenValues.In(Before, Now.AddSeconds(-10), WroteGina, SyncSystem.Ghl));
        Assert.Empty(OverwrittenValues.In(Before, null, WroteGina, SyncSystem.Roezan));
    }

    [Fact]
    public void A_value_we_wrote_coming_back_in_a_later_event_is_not_a_change_of_that_field()
    {
        var history = EchoHistory.Empty.With(SyncSystem.Roezan, "fp", Now, OverwrittenValues.Before(Before, new ContactFields { FirstName = "Gina" }), Now.AddSeconds(-30), OverwrittenValues.After(Before, new ContactFields { FirstName = "Gina" }));

        // Made after our write (Roezan's webhook about it, with a person's email change in between): only the email is news.
        Assert.Equal(["firstName"], OverwrittenValues.In(Before with { FirstName = "Gina", Email = "rosa@example.com" }, Now.AddSeconds(1), history, SyncSystem.Roezan));
    }

    [Fact]
    public void A_roezan_plan_drops_the_replaced_field_and_is_skipped_when_nothing_else_is_left()
    {
        var plan = new SyncPlan
        {
            EventId = "evt_1", EventType = "contact.updated", AccountId = "acme", Disposition = PlanDisposition.Apply, Reason = "update",
            Steps = [new UpdateContactStep { Fields = new ContactFields { FirstName = "Ana", Email = "rosa@example.com" }, Reason = "changed" }],
            ContactState = Before with { Email = "rosa@example.com" },
        };
        var recorded = Before with { FirstName = "Gina" };

        var kept = OverwrittenValues.Without(plan, new HashSet<string> { "firstName" }, recorded);
        var none = OverwrittenValues.Without(plan with { Steps = [new UpdateContactStep { Fields = new ContactFields { FirstName = "Ana" }, Reason = "changed" }] }, new HashSet<string> { "firstName" }, recorded);

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(kept.Steps));
        Assert.Equal((null, "rosa@example.com"), (update.Fields.FirstName, update.Fields.Email));
        Assert.Equal(("Gina", "rosa@example.com"), (kept.ContactState!.FirstName, kept.ContactState.Email));
        Assert.Equal(PlanDisposition.Skip, none.Disposition);
    }

    [Fact]
    public void A_ghl_event_made_before_our_write_of_a_roezan_change_does_not_undo_it_and_its_own_change_is_written()
    {
        // We wrote Roezan's new email to GHL at Now; GHL's first-name change was made 20 s before that, so its webhook
        // still carries the old email.
        var recorded = Before with { Email = "rosa@example.com" };
        var history = EchoHistory.Empty.With(SyncSystem.Ghl, ContactFingerprint.Of(recorded), Now, OverwrittenValues.Before(Before, new ContactFields { Email = "rosa@example.com" }), Now.AddSeconds(-25));
        var linked = new ContactSnapshot { GhlContactId = "g1", Fields = recorded, LastEventId = "evt_1", LastOccurredAt = Now.AddSeconds(-25) };

        var decision = GhlChangePlanner.Decide(Before with { FirstName = "Gina" }, false, Now.AddSeconds(-20), linked, history, Now, new GhlChangeRules());

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Equal(("Gina", null), (decision.Upsert.FirstName, decision.Upsert.Email));
        Assert.Empty(decision.Conflicts);
        Assert.Equal(("Gina", "rosa@example.com"), (decision.NewState.FirstName, decision.NewState.Email));
    }

    [Theory]
    [InlineData(ConflictRule.NewestWins, "Rosa")]
    [InlineData(ConflictRule.GhlWins, "Gina")]
    [InlineData(ConflictRule.RoezanWins, "Rosa")]
    public void A_roezan_change_made_before_our_delayed_write_of_a_ghl_change_is_a_conflict_by_own_times_whatever_the_delay(ConflictRule rule, string winner)
    {
        // GHL changed the first name at Now-30 s; Roezan at Now-20 s (newer by its own time); our write of GHL's change
        // reached Roezan only at Now, far outside the window of our write time, and overwrote Roezan's value.
        var linked = new ContactSnapshot { GhlContactId = "g1", Fields = Before with { FirstName = "Gina" }, LastEventId = "ghl:wh-1", LastOccurredAt = Now.AddSeconds(-30) };
        var plan = new SyncPlan
        {
            EventId = "evt_2", EventType = "contact.updated", AccountId = "acme", OccurredAt = Now.AddSeconds(-20), GhlContactId = "g1", Disposition = PlanDisposition.Apply, Reason = "update",
            Steps = [new UpdateContactStep { Fields = new ContactFields { FirstName = "Rosa" }, Reason = "changed" }],
            ContactState = Before with { FirstName = "Rosa" },
        };

        var (settled, conflicts) = RoezanChangeConflicts.Settle(plan, Before with { FirstName = "Rosa" }, linked, Now, new GhlChangeRules { ConflictRule = rule }, WroteGina.Entries[0]);
        var settlement = RoezanChangeConflicts.Settle(plan, Before with { FirstName = "Rosa" }, linked, Now, new GhlChangeRules { ConflictRule = rule }, WroteGina.Entries[0]);

        Assert.Equal(winner == "Gina", Assert.Single(conflicts).GhlWon);
        Assert.Equal(winner == "Rosa" ? "Rosa" : null, settled.Steps.OfType<UpdateContactStep>().SingleOrDefault()?.Fields.FirstName);
        // Roezan holds GHL's value (our write overwrote its change): it gets the winner back when Roezan won.
        Assert.Equal(winner == "Rosa" ? "Rosa" : null, settlement.RoezanWriteBack.FirstName);
    }

    [Fact]
    public void A_roezan_change_to_a_field_the_ghl_change_did_not_write_is_no_conflict_and_is_written()
    {
        var linked = new ContactSnapshot { GhlContactId = "g1", Fields = Before with { FirstName = "Gina" }, LastEventId = "ghl:wh-1", LastOccurredAt = Now.AddSeconds(-1) };
        var plan = new SyncPlan
        {
            EventId = "evt_3", EventType = "contact.updated", AccountId = "acme", OccurredAt = Now.AddSeconds(-2), GhlContactId = "g1", Disposition = PlanDisposition.Apply, Reason = "update",
            Steps = [new UpdateContactStep { Fields = new ContactFields { Email = "rosa@example.com" }, Reason = "changed" }],
            ContactState = Before with { FirstName = "Gina", Email = "rosa@example.com" },
        };

        var (settled, conflicts) = RoezanChangeConflicts.Settle(plan, Before with { FirstName = "Gina", Email = "rosa@example.com" }, linked, Now, new GhlChangeRules { ConflictRule = ConflictRule.GhlWins }, WroteGina.Entries[0]);

        Assert.Empty(conflicts);
        Assert.Equal("rosa@example.com", settled.Steps.OfType<UpdateContactStep>().Single().Fields.Email);
    }
}
