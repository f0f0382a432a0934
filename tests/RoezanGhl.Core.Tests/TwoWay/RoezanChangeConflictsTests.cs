using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Core.Tests.TwoWay;

/// <summary>The Roezan → GHL side of conflicts: a Roezan change to a field GHL set within the window, settled by the rule.</summary>
public class RoezanChangeConflictsTests
{
    private static readonly DateTimeOffset GhlAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly ContactFields Recorded = new() { FirstName = "Gina", LastName = "Lopez", Email = "ana@example.com", Phone = "+12015550123", Tags = ["vip"] };

    private static readonly ContactSnapshot LinkedByGhl = new() { GhlContactId = "g1", Fields = Recorded, LastEventId = "ghl:wh-1", LastOccurredAt = GhlAt };

    private static readonly ContactFields Incoming = Recorded with { FirstName = "Rosa" };

    /// <summary>What the Roezan → GHL planner makes of the change: the newer one updates, the older one is stale and skipped.</summary>
    private static SyncPlan Planned(int roezanSecondsAfterGhl)
    {
        var plan = new SyncPlan { EventId = "evt_1", EventType = "contact.updated", AccountId = "acme", OccurredAt = GhlAt.AddSeconds(roezanSecondsAfterGhl), GhlContactId = "g1", Disposition = PlanDisposition.Apply, Reason = "update GHL contact g1" };
        return roezanSecondsAfterGhl >= 0
            ? plan with { Steps = [new UpdateContactStep { Fields = new ContactFields { FirstName = "Rosa" }, Reason = "changed" }], ContactState = Incoming }
            : plan with { Disposition = PlanDisposition.Skip, Reason = "stale: older than the last applied change" };
    }

    private static RoezanConflictSettlement Settle(ConflictRule rule, int roezanSecondsAfterGhl, ContactSnapshot? linked = null, DateTimeOffset? ghlWrittenAt = null) =>
        RoezanChangeConflicts.Settle(Planned(roezanSecondsAfterGhl), Incoming, linked ?? LinkedByGhl, ghlWrittenAt ?? GhlAt, new GhlChangeRules { ConflictRule = rule });

    private static string Sha(string value) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..12];

    private static string? WrittenFirstName(SyncPlan plan) => plan.Steps.OfType<UpdateContactStep>().SingleOrDefault()?.Fields.FirstName;

    [Theory]
    [InlineData(ConflictRule.NewestWins, 2, "Rosa")]
    [InlineData(ConflictRule.NewestWins, -2, null)]
    [InlineData(ConflictRule.GhlWins, 2, null)]
    [InlineData(ConflictRule.GhlWins, -2, null)]
    [InlineData(ConflictRule.RoezanWins, 2, "Rosa")]
    [InlineData(ConflictRule.RoezanWins, -2, "Rosa")]
    public void A_roezan_change_within_the_window_of_a_ghl_change_is_a_conflict_settled_by_the_rule(ConflictRule rule, int roezanSecondsAfterGhl, string? written)
    {
        var (plan, conflicts) = Settle(rule, roezanSecondsAfterGhl);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(("firstName", "Gina", "Rosa", written is null), (conflict.Field, conflict.GhlValue, conflict.RoezanValue, conflict.GhlWon));
        Assert.Equal(written, WrittenFirstName(plan));
        Assert.Equal(written is null ? PlanDisposition.Skip : PlanDisposition.Apply, plan.Disposition);
        Assert.Contains($"{(written is null ? "GHL" : "Roezan")} kept: firstName: GHL #{Sha("Gina")} vs Roezan #{Sha("Rosa")}", plan.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Rosa", plan.Reason, StringComparison.Ordinal);
        if (written is not null)
        {
            Assert.Equal("Rosa", plan.ContactState!.FirstName);
        }
    }

    [Fact]
    public void Outside_the_window_or_without_a_ghl_change_written_nothing_is_a_conflict_and_the_plan_is_kept()
    {
        var far = Settle(ConflictRule.GhlWins, 60);
        var afterRoezan = RoezanChangeConflicts.Settle(Planned(2), Incoming, LinkedByGhl, null, new GhlChangeRules { ConflictRule = ConflictRule.GhlWins });

        Assert.Empty(far.Conflicts);
        Assert.Same(Planned(60).Steps[0].GetType(), far.Plan.Steps[0].GetType());
        Assert.Equal("Rosa", WrittenFirstName(far.Plan));
        Assert.Empty(afterRoezan.Conflicts);
        Assert.Equal("Rosa", WrittenFirstName(afterRoezan.Plan));
    }

    [Fact]
    public void Ghl_wins_still_fills_a_value_ghl_has_none_of_and_keeps_the_other_steps()
    {
        var linked = LinkedByGhl with { Fields = Recorded with { LastName = null } };
        var plan = Planned(2) with
        {
            Steps = [new UpdateContactStep { Fields = new ContactFields { FirstName = "Rosa", LastName = "Lopez" }, Reason = "changed" }, new AddTagsStep { Tags = ["new"], Reason = "tags" }],
        };

        var (settled, conflicts) = RoezanChangeConflicts.Settle(plan, Incoming, linked, GhlAt, new GhlChangeRules { ConflictRule = ConflictRule.GhlWins });

        Assert.Equal(["firstName"], conflicts.Select(c => c.Field));
        var update = Assert.IsType<UpdateContactStep>(settled.Steps[0]);
        Assert.Equal((null, "Lopez"), (update.Fields.FirstName, update.Fields.LastName));
        Assert.IsType<AddTagsStep>(settled.Steps[1]);
        Assert.Equal("Gina", settled.ContactState!.FirstName);
    }

    /// <summary>
    /// The lost update: GHL changed to Gina and Roezan to Rosa close together; we wrote Gina to Roezan at GhlAt. A Roezan
    /// event sent before that write was overwritten by it (Roezan holds Gina); one sent after it holds Rosa. Whatever
    /// the rule and order, GHL (through the plan) and Roezan (through the write-back, made only when needed) end with
    /// the same, winning value.
    /// </summary>
    [Theory]
    [InlineData(ConflictRule.NewestWins, 2)]
    [InlineData(ConflictRule.NewestWins, -2)]
    [InlineData(ConflictRule.GhlWins, 2)]
    [InlineData(ConflictRule.GhlWins, -2)]
    [InlineData(ConflictRule.RoezanWins, 2)]
    [InlineData(ConflictRule.RoezanWins, -2)]
    public void After_a_settled_conflict_both_systems_hold_the_winner(ConflictRule rule, int roezanSecondsAfterGhl)
    {
        var roezanHolds = roezanSecondsAfterGhl >= 0 ? "Rosa" : "Gina";

        var settlement = Settle(rule, roezanSecondsAfterGhl);

        var winner = Assert.Single(settlement.Conflicts).GhlWon ? "Gina" : "Rosa";
        var ghlEnds = WrittenFirstName(settlement.Plan) ?? "Gina";
        var roezanEnds = settlement.RoezanWriteBack.FirstName ?? roezanHolds;
        Assert.Equal((winner, winner), (ghlEnds, roezanEnds));
        Assert.Equal(roezanHolds != winner, !settlement.RoezanWriteBack.IsEmpty);
        Assert.Equal(winner, (settlement.Plan.ContactState ?? LinkedByGhl.Fields).FirstName);
    }

    [Fact]
    public void Without_a_conflict_nothing_is_written_back_to_roezan()
    {
        var far = Settle(ConflictRule.GhlWins, 60);

        Assert.True(far.RoezanWriteBack.IsEmpty);
    }
    /// <summary>
    /// From the two_way run: GHL's first name (made at GhlAt) reached Roezan 20 s later, over Roezan's newer first name
    /// (made at +10 s) that was still queued; then we wrote a Roezan email to GHL and a GHL tag to Roezan. Judged against
    /// only the newest write (the tag), the first name was not contested, so GHL got Roezan's name and Roezan kept GHL's.
    /// </summary>
    [Fact]
    public void A_roezan_change_overwritten_by_an_earlier_write_than_our_newest_is_still_a_conflict_and_written_back()
    {
        var nameWrite = OverwrittenValues.Before(Recorded with { FirstName = "Old" }, new ContactFields { FirstName = "Gina" });
        var history = EchoHistory.Empty
            .With(SyncSystem.Roezan, "fp-name", GhlAt.AddSeconds(20), nameWrite, GhlAt)
            .With(SyncSystem.Ghl, "fp-email", GhlAt.AddSeconds(30), after: OverwrittenValues.After(Recorded, new ContactFields { Email = "new@example.com" }))
            .With(SyncSystem.Roezan, "fp-tag", GhlAt.AddSeconds(40), OverwrittenValues.Before(Recorded, new ContactFields { Tags = ["t1"] }), GhlAt.AddSeconds(35));

        var write = RoezanChangeConflicts.GhlWriteFor(history, Incoming, Recorded);
        var settlement = RoezanChangeConflicts.Settle(Planned(10), Incoming, LinkedByGhl, write?.WrittenAt, new GhlChangeRules { ConflictRule = ConflictRule.NewestWins }, write);

        Assert.Equal("fp-name", write?.Fingerprint);
        Assert.Equal(("firstName", false), (Assert.Single(settlement.Conflicts).Field, settlement.Conflicts[0].GhlWon));
        Assert.Equal("Rosa", WrittenFirstName(settlement.Plan));
        Assert.Equal("Rosa", settlement.RoezanWriteBack.FirstName);
    }

    [Fact]
    public void A_field_a_roezan_change_wrote_to_ghl_since_our_write_to_roezan_is_not_contested_with_that_write()
    {
        var history = EchoHistory.Empty
            .With(SyncSystem.Roezan, "fp-name", GhlAt.AddSeconds(20), OverwrittenValues.Before(Recorded with { FirstName = "Old" }, new ContactFields { FirstName = "Gina" }), GhlAt)
            .With(SyncSystem.Ghl, "fp-name-2", GhlAt.AddSeconds(30), after: OverwrittenValues.After(Recorded, new ContactFields { FirstName = "Rita" }));

        Assert.Null(RoezanChangeConflicts.GhlWriteFor(history, Incoming, Recorded));
        Assert.Equal("fp-name", RoezanChangeConflicts.GhlWriteFor(history with { Entries = history.Entries.Skip(1).ToList() }, Incoming, Recorded)?.Fingerprint);
    }
}
