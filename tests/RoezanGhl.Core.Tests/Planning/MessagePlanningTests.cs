using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

public sealed class MessagePlanningTests
{
    [Fact]
    public void First_message_from_a_number_creates_the_contact_from_number_and_name_then_notes_the_message()
    {
        var plan = Plan(Message("Hi, is the offer still on?", fromName: "Ana Maria Diaz"));

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        var create = Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.Equal("+12015550123", create.Fields.Phone);
        Assert.Equal("Ana", create.Fields.FirstName);
        Assert.Equal("Maria Diaz", create.Fields.LastName);
        Assert.Null(create.Fields.Email);
        Assert.IsType<CreateNoteStep>(plan.Steps[1]);
        Assert.Equal(["phone:+12015550123"], plan.Contact.CreationClaimKeys("acct-1"));
        Assert.Null(plan.ContactStateOccurredAt);
    }

    [Fact]
    public void Printed_plan_of_a_first_message_names_neither_the_number_nor_the_sender()
    {
        var text = Plan(Message("hello", fromName: "Ana Diaz")).Describe();

        Assert.Contains("POST /contacts/ (firstName, lastName, phone)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2015550123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Diaz", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_from_a_linked_contact_is_only_a_note()
    {
        var plan = Plan(Message("See you at 5"), Linked(AnaAsApplied, T0));

        var note = Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Equal("SMS from Ana Diaz (+12015550123) on 2026-11-24 10:00 (America/New_York):\nSee you at 5\n\nref: evt_m1", note.Body);
        Assert.False(plan.WritesContact);
        Assert.Null(plan.ContactState);
    }

    [Fact]
    public void A_stop_reply_from_a_linked_contact_turns_on_sms_do_not_disturb_first_and_is_still_noted()
    {
        var plan = Plan(Message(" Stop. "), Linked(AnaAsApplied, T0));

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        var update = Assert.IsType<UpdateContactStep>(plan.Steps[0]);
        Assert.True(SmsDoNotDisturb.IsOn(update.Fields));
        Assert.Null(update.Fields.FirstName);
        Assert.Contains("Stop.", Assert.IsType<CreateNoteStep>(plan.Steps[1]).Body, StringComparison.Ordinal);
        Assert.True(plan.WritesContact);
        Assert.True(SmsDoNotDisturb.IsOn(plan.ContactState!));
        Assert.Equal(AnaAsApplied.FirstName, plan.ContactState!.FirstName);
        Assert.Equal(T0, plan.ContactStateOccurredAt);
    }

    [Fact]
    public void A_first_message_that_is_stop_creates_the_contact_then_turns_on_sms_do_not_disturb()
    {
        var plan = Plan(Message("UNSUBSCRIBE"));

        Assert.IsType<CreateContactStep>(plan.Steps[0]);
        Assert.True(SmsDoNotDisturb.IsOn(Assert.IsType<UpdateContactStep>(plan.Steps[1]).Fields));
        Assert.IsType<CreateNoteStep>(plan.Steps[2]);
        Assert.True(SmsDoNotDisturb.IsOn(plan.ContactState!));
        Assert.Equal("+12015550123", plan.ContactState!.Phone);
    }

    [Fact]
    public void A_stop_reply_turns_on_do_not_disturb_even_when_message_notes_are_off()
    {
        var plan = Plan(Message("stop"), Linked(AnaAsApplied), PlanningProfile.Default with { Flows = SyncFlows.ContactCreated });

        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
        Assert.True(SmsDoNotDisturb.IsOn(Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps)).Fields));
    }

    [Fact]
    public void A_sentence_that_mentions_stop_is_only_a_note()
    {
        var plan = Plan(Message("please don't stop the offers"), Linked(AnaAsApplied, T0));

        Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Null(plan.ContactState);
    }

    [Fact]
    public void Message_without_a_name_is_noted_by_number_and_an_empty_body_says_so()
    {
        var plan = Plan(Message("  ", fromName: null), Linked(AnaAsApplied, T0));

        var note = Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.StartsWith("SMS from +12015550123 on ", note.Body, StringComparison.Ordinal);
        Assert.Contains(":\n(no text)\n", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void First_message_with_contact_creation_off_is_skipped()
    {
        var plan = Plan(Message("hello"), profile: PlanningProfile.Default with { Flows = SyncFlows.All & ~SyncFlows.ContactFromFirstMessage });

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void First_message_with_notes_off_only_creates_the_contact()
    {
        var plan = Plan(Message("hello"), profile: PlanningProfile.Default with { Flows = SyncFlows.All & ~SyncFlows.MessageNotes });

        Assert.IsType<CreateContactStep>(Assert.Single(plan.Steps));
    }

    [Fact]
    public void Message_with_notes_off_from_a_linked_contact_is_skipped()
    {
        var plan = Plan(Message("hello"), Linked(AnaAsApplied), PlanningProfile.Default with { Flows = SyncFlows.ContactCreated });

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
    }

    [Fact]
    public void Follow_up_rule_adds_a_task_step_with_the_event_reference()
    {
        var due = T0.AddDays(1);
        var rule = new FixedTaskRule(new TaskFields { Title = "Call Ana", DueDate = due });

        var plan = Plan(Message("call me tomorrow at 3"), Linked(AnaAsApplied), PlanningProfile.Default with { FollowUps = rule });

        var task = Assert.IsType<CreateTaskStep>(plan.Steps[1]);
        Assert.Equal("Call Ana", task.Fields.Title);
        Assert.Equal(due, task.Fields.DueDate);
        Assert.False(task.Fields.Completed);
        Assert.Equal("ref: evt_m1", task.Fields.Body);
        Assert.Equal("evt_m1", task.Reference);
        Assert.Equal("call me tomorrow at 3", rule.SeenBody);
    }

    [Fact]
    public void Follow_up_flow_off_never_asks_the_rule()
    {
        var rule = new FixedTaskRule(new TaskFields { Title = "Call Ana" });

        var plan = Plan(Message("call me tomorrow"), Linked(AnaAsApplied), PlanningProfile.Default with { FollowUps = rule, Flows = SyncFlows.All & ~SyncFlows.FollowUpTasks });

        Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Null(rule.SeenBody);
    }

    [Fact]
    public void Message_without_a_sender_is_invalid()
    {
        var plan = Plan(Message("hi", from: " "));

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Contains("data.message.from", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_subject_carries_the_roezan_contact_id_when_roezan_knows_the_sender()
    {
        var subject = SyncPlanner.SubjectOf(Message("hi", contactId: "c_7"));

        Assert.Equal(new ContactIdentity { RoezanContactId = "c_7", Phone = "+12015550123" }, subject.Contact);
    }

    private sealed class FixedTaskRule(TaskFields task) : IMessageTaskRule
    {
        public string? SeenBody { get; private set; }

        public TaskFields? FindTask(RoezanMessage message, DateTimeOffset receivedAt)
        {
            SeenBody = message.Body;
            return task;
        }
    }
}
