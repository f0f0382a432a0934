using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Core.Tests.TwoWay;

public class GhlChangePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly GhlChangeRules Rules = new();

    private static readonly ContactFields Recorded = new()
    {
        FirstName = "Ana", LastName = "Lopez", Email = "ana@example.com", Phone = "+12015550123", Tags = ["vip"],
    };

    private static ContactSnapshot Linked(string lastEventId = "ghl:wh-0", DateTimeOffset? at = null) =>
        new() { GhlContactId = "g1", Fields = Recorded, LastEventId = lastEventId, LastOccurredAt = at ?? Now.AddMinutes(-10) };

    private static GhlChangeDecision Decide(ContactFields incoming, ContactSnapshot? linked, EchoHistory? history = null, bool dnd = false, DateTimeOffset? at = null, GhlChangeRules? rules = null) =>
        GhlChangePlanner.Decide(incoming, dnd, at ?? Now, linked, history ?? EchoHistory.Empty, Now, rules ?? Rules);

    [Fact]
    public void Only_changed_values_are_written_and_the_phone_keys_the_upsert()
    {
        var decision = Decide(Recorded with { FirstName = "Anna", Tags = ["vip", "new"] }, Linked());

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Equal(("Anna", null, null, "+12015550123"), (decision.Upsert.FirstName, decision.Upsert.LastName, decision.Upsert.Email, decision.Upsert.Phone));
        Assert.Equal(["new"], decision.Upsert.Tags);
        Assert.Equal(["vip", "new"], decision.NewState.Tags);
    }

    [Fact]
    public void A_new_phone_writes_the_whole_contact_under_the_new_number_and_names_the_old_one()
    {
        var decision = Decide(Recorded with { Phone = "+12015550199", FirstName = "Anna", Tags = ["new"] }, Linked());

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Equal("+12015550123", decision.MovedFromPhone);
        Assert.Equal(("+12015550199", "Anna", "Lopez", "ana@example.com"), (decision.Upsert.Phone, decision.Upsert.FirstName, decision.Upsert.LastName, decision.Upsert.Email));
        Assert.Equal(["vip", "new"], decision.Upsert.Tags);
        Assert.Equal("+12015550199", decision.NewState.Phone);
    }

    [Fact]
    public void The_same_number_written_differently_or_an_older_change_does_not_move_the_contact()
    {
        var reformatted = Decide(Recorded with { Phone = "+1 (201) 555-0123" }, Linked());
        var older = Decide(Recorded with { Phone = "+12015550199" }, Linked(at: Now.AddMinutes(1)), at: Now);

        Assert.Null(reformatted.MovedFromPhone);
        Assert.Null(older.MovedFromPhone);
    }

    [Fact]
    public void A_stale_ghl_change_still_writes_a_field_whose_own_last_change_is_older_but_not_one_changed_since()
    {
        // Roezan changed the last name a minute after GHL's change was made; the first name last changed ten minutes before it.
        var linked = Linked(at: Now.AddMinutes(1)) with
        {
            FieldChanges = new Dictionary<string, FieldChange>
            {
                ["lastName"] = new(Now.AddMinutes(1), SyncSystem.Roezan),
                ["firstName"] = new(Now.AddMinutes(-10), SyncSystem.Ghl),
            },
        };

        var decision = Decide(Recorded with { FirstName = "Anna", LastName = "Lopes" }, linked, at: Now);

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Equal(("Anna", null), (decision.Upsert.FirstName, decision.Upsert.LastName));
        Assert.Equal(("Anna", "Lopez"), (decision.NewState.FirstName, decision.NewState.LastName));
        Assert.Equal(new FieldChange(Now, SyncSystem.Ghl), decision.NewStateFieldChanges["firstName"]);
        Assert.Equal(new FieldChange(Now.AddMinutes(1), SyncSystem.Roezan), decision.NewStateFieldChanges["lastName"]);
    }

    [Fact]
    public void A_stale_ghl_change_on_a_link_without_per_field_times_only_fills()
    {
        var decision = Decide(Recorded with { FirstName = "Anna", Email = null }, Linked(at: Now.AddMinutes(1)) with { Fields = Recorded with { Email = null } }, at: Now);

        Assert.Equal(GhlChangeDecisionKind.NoChange, decision.Kind);
    }

    [Fact]
    public void An_empty_ghl_field_never_blanks_roezan()
    {
        var decision = Decide(Recorded with { Email = null, LastName = null }, Linked());

        Assert.Equal(GhlChangeDecisionKind.NoChange, decision.Kind);
    }

    [Fact]
    public void A_state_this_app_wrote_to_ghl_is_an_echo_even_after_a_newer_write()
    {
        var older = Recorded with { FirstName = "Older" };
        var history = EchoHistory.Empty.With(SyncSystem.Ghl, ContactFingerprint.Of(older), Now.AddSeconds(-5)).With(SyncSystem.Ghl, ContactFingerprint.Of(Recorded), Now);

        Assert.Equal(GhlChangeDecisionKind.Echo, Decide(older, Linked(), history).Kind);
    }

    [Fact]
    public void A_fingerprint_older_than_the_window_is_no_echo()
    {
        var older = Recorded with { FirstName = "Older" };
        var history = EchoHistory.Empty.With(SyncSystem.Ghl, ContactFingerprint.Of(older), Now - EchoHistory.Window - TimeSpan.FromSeconds(1));

        Assert.Equal(GhlChangeDecisionKind.Apply, Decide(older, Linked(), history).Kind);
    }

    [Fact]
    public void A_new_contact_without_a_phone_is_not_created()
    {
        Assert.Equal(GhlChangeDecisionKind.NoPhone, Decide(Recorded with { Phone = null }, linked: null).Kind);
    }

    [Fact]
    public void Sms_do_not_disturb_adds_the_opt_out_tag_unless_roezan_opted_the_person_out_itself()
    {
        var fromGhl = Decide(Recorded, Linked(), dnd: true);
        var roezanOptedOut = Linked() with { Fields = Recorded with { StandardFields = new Dictionary<string, string> { [SmsDoNotDisturb.FieldName] = SmsDoNotDisturb.Active } } };

        Assert.True(fromGhl.OptsOut);
        Assert.Equal(["sms-opt-out"], fromGhl.Upsert.Tags);
        Assert.Equal(GhlChangeDecisionKind.NoChange, Decide(Recorded, roezanOptedOut, dnd: true).Kind);
    }

    [Theory]
    [InlineData(ConflictRule.NewestWins, 2, true)]
    [InlineData(ConflictRule.NewestWins, -2, false)]
    [InlineData(ConflictRule.GhlWins, -2, true)]
    [InlineData(ConflictRule.RoezanWins, 2, false)]
    public void A_ghl_change_within_the_window_of_a_roezan_change_is_a_conflict_settled_by_the_rule(ConflictRule rule, int ghlSecondsLater, bool ghlWins)
    {
        var roezanAt = Now;
        var decision = Decide(Recorded with { FirstName = "Anna" }, Linked("evt_1", roezanAt), at: roezanAt.AddSeconds(ghlSecondsLater), rules: Rules with { ConflictRule = rule });

        var conflict = Assert.Single(decision.Conflicts);
        Assert.Equal(("firstName", "Anna", "Ana", ghlWins), (conflict.Field, conflict.GhlValue, conflict.RoezanValue, conflict.GhlWon));
        Assert.Equal(ghlWins ? GhlChangeDecisionKind.Apply : GhlChangeDecisionKind.NoChange, decision.Kind);
    }

    [Fact]
    public void A_change_older_than_the_last_recorded_one_only_fills_missing_values()
    {
        var linked = Linked("evt_1", Now) with { Fields = Recorded with { LastName = null } };

        var decision = Decide(Recorded with { FirstName = "Anna", LastName = "Lopez" }, linked, at: Now.AddMinutes(-1));

        Assert.Equal((null, "Lopez"), (decision.Upsert.FirstName, decision.Upsert.LastName));
    }

    [Fact]
    public void Fingerprints_ignore_email_case_and_tag_order_and_hold_no_values()
    {
        var a = ContactFingerprint.Of(Recorded with { Tags = ["b", "A"] });
        var b = ContactFingerprint.Of(Recorded with { Email = "ANA@example.com", Tags = ["a", "B"] });

        Assert.Equal(a, b);
        Assert.DoesNotContain("Ana", a, StringComparison.Ordinal);
        Assert.NotEqual(a, ContactFingerprint.Of(Recorded with { FirstName = "Anna" }));
    }

    /// <summary>
    /// The lost update, GHL side: Roezan changed to Ana, which we wrote to GHL a second after it (and recorded on the
    /// link), and GHL to Anna close together. A GHL event sent before that write was overwritten by it (GHL holds Ana);
    /// one sent after it holds Anna. Whatever the rule and order, Roezan (through the upsert) and GHL (through the
    /// write-back, made only when needed) end with the same, winning value.
    /// </summary>
    [Theory]
    [InlineData(ConflictRule.NewestWins, 2)]
    [InlineData(ConflictRule.NewestWins, -2)]
    [InlineData(ConflictRule.GhlWins, 2)]
    [InlineData(ConflictRule.GhlWins, -2)]
    [InlineData(ConflictRule.RoezanWins, 2)]
    [InlineData(ConflictRule.RoezanWins, -2)]
    public void After_a_settled_conflict_both_systems_hold_the_winner(ConflictRule rule, int ghlSecondsLater)
    {
        var writtenToGhl = Now.AddSeconds(1);
        var ghlHolds = ghlSecondsLater >= 1 ? "Anna" : "Ana";
        var history = EchoHistory.Empty.With(SyncSystem.Ghl, ContactFingerprint.Of(Recorded), writtenToGhl);

        var decision = Decide(Recorded with { FirstName = "Anna" }, Linked("evt_1", Now), history, at: Now.AddSeconds(ghlSecondsLater), rules: Rules with { ConflictRule = rule });

        var winner = Assert.Single(decision.Conflicts).GhlWon ? "Anna" : "Ana";
        var roezanEnds = decision.Upsert.FirstName ?? "Ana";
        var ghlEnds = decision.GhlWriteBack.FirstName ?? ghlHolds;
        Assert.Equal((winner, winner), (roezanEnds, ghlEnds));
        Assert.Equal(ghlHolds != winner, !decision.GhlWriteBack.IsEmpty);
        if (!decision.GhlWriteBack.IsEmpty)
        {
            Assert.Equal(ContactFingerprint.Of(Recorded with { FirstName = winner }), ContactFingerprint.Of(decision.GhlStateAfterWriteBack));
        }
    }

    [Fact]
    public void Without_a_conflict_nothing_is_written_back_to_ghl()
    {
        var decision = Decide(Recorded with { FirstName = "Anna" }, Linked());

        Assert.True(decision.GhlWriteBack.IsEmpty);
    }
}
