using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using static RoezanGhl.Core.Tests.Automations.AutomationRig;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>A text about an appointment is never sent for an old time: moves re-plan it, cancellations cancel it.</summary>
public sealed class ReminderReplannerTests
{
    private static readonly AccountAutomations Account = AutomationRig.Account(
        Template("appointment-reminder-24h"),
        Template("appointment-confirmation"),
        new AutomationDefinition { Template = "appointment-confirmation", Name = "cancel-note", Trigger = new() { Event = "appointmentCancelled" }, Message = "Your appointment was cancelled." });

    private static readonly PlannedSend Reminder = Planned("appointment-reminder-24h");

    [Fact]
    public void A_moved_appointment_re_plans_its_reminder_for_the_new_time_under_a_new_id()
    {
        var moved = Appointment(AutomationEventKind.AppointmentUpdated, start: "2026-06-12T11:00-04", occurred: "2026-06-02T09:00-04");

        var decision = Decide(Reminder, moved, now: "2026-06-02T09:00-04");

        Assert.Equal(ReplanAction.Replan, decision.Action);
        Assert.Equal(Offset("2026-06-11T11:00-04"), decision.Replacement!.SendAt);
        Assert.Equal(Offset("2026-06-12T11:00-04"), decision.Replacement.AppointmentStart);
        Assert.Contains("June 12, 2026 at 11:00 AM", decision.Replacement.Body, StringComparison.Ordinal);
        Assert.NotEqual(Reminder.SendId, decision.Replacement.SendId);
        Assert.Equal("the appointment moved to 2026-06-12 11:00 (-04).", decision.Reason);
    }

    [Fact]
    public void Moving_it_back_returns_to_the_first_id()
    {
        var away = Decide(Reminder, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-12T11:00-04", "2026-06-02T09:00-04"), "2026-06-02T09:00-04").Replacement!;

        var back = Decide(away, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-10T15:00-04", "2026-06-02T10:00-04"), "2026-06-02T10:00-04");

        Assert.Equal(Reminder.SendId, back.Replacement!.SendId);
    }

    [Fact]
    public void An_update_that_keeps_the_start_keeps_the_reminder()
    {
        var decision = Decide(Reminder, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-10T19:00+00", "2026-06-02T09:00-04"), "2026-06-02T09:00-04");

        Assert.Equal(ReplanAction.Keep, decision.Action);
    }

    [Theory]
    [InlineData("appointment-reminder-24h")]
    [InlineData("appointment-confirmation")]
    public void A_cancelled_appointment_cancels_its_pending_texts(string automation)
    {
        var decision = Decide(Planned(automation), Appointment(AutomationEventKind.AppointmentCancelled, "2026-06-10T15:00-04", "2026-06-02T09:00-04"), "2026-06-02T09:00-04");

        Assert.Equal(ReplanDecision.Cancel("the appointment was cancelled."), decision);
    }

    [Fact]
    public void The_cancellation_notice_itself_is_kept() =>
        Assert.Equal(ReplanAction.Keep, Decide(Planned("cancel-note", AutomationEventKind.AppointmentCancelled), Appointment(AutomationEventKind.AppointmentCancelled, "2026-06-10T15:00-04", "2026-06-02T09:00-04"), "2026-06-02T09:00-04").Action);

    [Fact]
    public void A_move_too_close_to_meet_the_reminder_cancels_it_with_the_reason()
    {
        var decision = Decide(Reminder, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-02T15:00-04", "2026-06-02T09:00-04"), "2026-06-02T09:00-04");

        Assert.Equal(ReplanAction.Cancel, decision.Action);
        Assert.Contains("not sent late", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_confirmation_is_re_rendered_for_the_new_time_under_the_same_id()
    {
        // Booked at 22:00: the confirmation waits for 08:00; the appointment moves at 07:00.
        var confirmation = Planned("appointment-confirmation", occurred: "2026-06-01T22:00-04", now: "2026-06-01T22:00-04");

        var decision = Decide(confirmation, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-12T11:00-04", "2026-06-02T07:00-04"), "2026-06-02T07:00-04");

        Assert.Equal(ReplanAction.Replan, decision.Action);
        Assert.Equal(confirmation.SendId, decision.Replacement!.SendId);
        Assert.Equal(Offset("2026-06-02T08:00-04"), decision.Replacement.SendAt);
        Assert.Contains("June 12, 2026 at 11:00 AM", decision.Replacement.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_to_another_appointment_keeps_the_text() =>
        Assert.Equal(ReplanAction.Keep, Decide(Reminder, Appointment(AutomationEventKind.AppointmentCancelled, "2026-06-10T15:00-04", "2026-06-02T09:00-04", id: "apt-2"), "2026-06-02T09:00-04").Action);

    [Fact]
    public void A_move_after_the_automation_was_removed_cancels()
    {
        var decision = ReminderReplanner.Decide(AutomationRig.Account(Template("welcome-new-lead")), Reminder, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-12T11:00-04", "2026-06-02T09:00-04"), Ana, ContactConsent.Allowed, At("2026-06-02T09:00-04"));

        Assert.Equal(ReplanAction.Cancel, decision.Action);
    }

    private static ReplanDecision Decide(PlannedSend existing, AutomationEvent change, string now) =>
        ReminderReplanner.Decide(Account, existing, change, Ana, ContactConsent.Allowed, At(now));

    private static PlannedSend Planned(string automation, AutomationEventKind kind = AutomationEventKind.AppointmentCreated, string occurred = "2026-06-01T10:00-04", string now = "2026-06-01T10:00-04")
    {
        var decisions = AutomationPlanner.Plan(Account, Appointment(kind, "2026-06-10T15:00-04", occurred), Ana, ContactConsent.Allowed, At(now));
        return decisions.Single(d => d.AutomationName == automation).Send!;
    }
}
