using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using static RoezanGhl.Core.Tests.Automations.AutomationRig;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>The checks at send time, with fresh data: consent, conditions, replies, lateness, sending hours.</summary>
public sealed class SendGateTests
{
    private static readonly AccountAutomations Account = AutomationRig.Account(
        Template("appointment-reminder-24h"),
        Template("missed-reply"),
        new AutomationDefinition { Template = "welcome-new-lead", Conditions = [new() { TagAbsent = "customer" }] });

    private static readonly PlannedSend Reminder = Single(Account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00-04", "2026-06-01T10:00-04"), "2026-06-01T10:00-04").Send!;

    [Fact]
    public void A_due_text_with_consent_in_sending_hours_is_sent() =>
        Assert.Equal(SendVerdictKind.Send, Check(Reminder, now: "2026-06-09T15:00-04").Kind);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_opt_out_since_planning_cancels_the_send(bool ghlDnd, bool roezanOptedOut)
    {
        var verdict = Check(Reminder, "2026-06-09T15:00-04", consent: new ContactConsent(ghlDnd, roezanOptedOut));

        Assert.Equal(SendVerdictKind.Cancel, verdict.Kind);
        Assert.StartsWith("the contact opted out", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_that_no_longer_holds_cancels()
    {
        var welcome = Single(Account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04").Send!;

        var verdict = Check(welcome, "2026-06-01T10:00-04", Ana with { Tags = ["customer"] });

        Assert.Equal(SendVerdict.Cancel("the contact has the tag 'customer'."), verdict);
    }

    [Fact]
    public void A_changed_phone_number_cancels_but_formatting_does_not()
    {
        Assert.Equal(SendVerdictKind.Cancel, Check(Reminder, "2026-06-09T15:00-04", Ana with { Phone = "+12015550199" }).Kind);
        Assert.Equal(SendVerdictKind.Send, Check(Reminder, "2026-06-09T15:00-04", Ana with { Phone = "+1 (201) 555-0123" }).Kind);
    }

    [Fact]
    public void A_reply_after_the_trigger_cancels_the_missed_reply_nudge()
    {
        var nudge = Single(Account, AutomationEvents.FromOutboundMessage(new() { Id = "out-1", At = Offset("2026-06-01T10:00-04") }, Ana.Id), "2026-06-01T10:00-04").Send!;

        Assert.Equal(SendVerdict.Cancel("the contact replied."), Check(nudge, "2026-06-01T14:00-04", lastInbound: Offset("2026-06-01T11:00-04")));
        Assert.Equal(SendVerdictKind.Send, Check(nudge, "2026-06-01T14:00-04", lastInbound: Offset("2026-06-01T09:00-04")).Kind);
    }

    [Fact]
    public void A_text_checked_early_is_deferred_to_its_time() =>
        Assert.Equal(SendVerdict.Defer(Reminder.SendAt, "not due yet."), Check(Reminder, "2026-06-09T14:00-04"));

    [Fact]
    public void A_timer_past_the_grace_cancels_rather_than_sends_late()
    {
        var verdict = Check(Reminder, "2026-06-09T16:01-04");

        Assert.Equal(SendVerdictKind.Cancel, verdict.Kind);
        Assert.Contains("not sent late", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_that_reaches_a_text_in_quiet_hours_defers_it_or_cancels_past_the_grace()
    {
        var evening = Single(Account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T20:50-04", "2026-06-01T10:00-04"), "2026-06-01T10:00-04").Send!;
        var wide = AutomationRig.Account(new AutomationDefinition { Template = "appointment-reminder-24h", Timing = new() { Grace = "12h" } });

        // Due 20:50; the timer comes at 21:05. With a 1 h grace the next morning is too late; with 12 h it waits.
        Assert.Equal(SendVerdictKind.Cancel, Check(evening, "2026-06-09T21:05-04").Kind);
        var deferred = SendGate.Check(wide, evening, Ana, ContactConsent.Allowed, null, At("2026-06-09T21:05-04"));
        Assert.Equal(SendVerdict.Defer(Offset("2026-06-10T08:00-04"), "outside sending hours (08:00–21:00)."), deferred);
    }

    [Fact]
    public void A_removed_automation_cancels_its_pending_texts() =>
        Assert.Equal(SendVerdictKind.Cancel, SendGate.Check(AutomationRig.Account(Template("welcome-new-lead")), Reminder, Ana, ContactConsent.Allowed, null, At("2026-06-09T15:00-04")).Kind);

    private static SendVerdict Check(PlannedSend send, string now, AutomationContact? contact = null, ContactConsent? consent = null, DateTimeOffset? lastInbound = null) =>
        SendGate.Check(Account, send, contact ?? Ana, consent ?? ContactConsent.Allowed, lastInbound, At(now));
}
