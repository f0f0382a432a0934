using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using static RoezanGhl.Core.Tests.Automations.AutomationRig;

namespace RoezanGhl.Core.Tests.Automations;

public sealed class AutomationPlannerTests
{
    [Fact]
    public void A_new_lead_gets_the_welcome_text_at_once_in_sending_hours()
    {
        var decision = Single(Account(Template("welcome-new-lead")), ContactCreated("2026-06-01T10:00-04"), now: "2026-06-01T10:00-04");

        var send = decision.Send!;
        Assert.Equal("Hi Ana, thanks for reaching out! We'll text you here shortly. Reply STOP to opt out.", send.Body);
        Assert.Equal(Offset("2026-06-01T10:00-04"), send.SendAt);
        Assert.Equal("+12015550123", send.To);
        Assert.Equal(SendIds.For("Acme", "welcome-new-lead", "c-ana", "contact-created"), send.SendId);
        Assert.Equal(1, send.Segments.Segments);
    }

    [Fact]
    public void A_re_delivered_webhook_plans_the_same_send_id()
    {
        var account = Account(Template("welcome-new-lead"), Template("appointment-reminder-24h"), Template("appointment-confirmation"));

        var first = AutomationPlanner.Plan(account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00-04", "2026-06-01T10:00-04", webhookId: "wh-1"), Ana, ContactConsent.Allowed, At("2026-06-01T10:00-04"));
        var again = AutomationPlanner.Plan(account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00-04", "2026-06-01T10:00-04", webhookId: "wh-2"), Ana, ContactConsent.Allowed, At("2026-06-01T10:07-04"));

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(d => d.SendId), again.Select(d => d.SendId));
    }

    [Fact]
    public void An_update_that_keeps_the_start_maps_the_reminder_to_the_same_id_as_the_create()
    {
        var account = Account(Template("appointment-reminder-24h"));

        var created = Single(account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00-04", "2026-06-01T10:00-04"), "2026-06-01T10:00-04");
        var updated = Single(account, Appointment(AutomationEventKind.AppointmentUpdated, "2026-06-10T15:00-04", "2026-06-02T10:00-04", webhookId: "wh-9"), "2026-06-02T10:00-04");

        Assert.Equal(created.SendId, updated.SendId);
        Assert.Equal(Offset("2026-06-09T15:00-04"), created.Send!.SendAt);
    }

    [Fact]
    public void A_tag_campaign_fires_for_an_added_tag_only()
    {
        var account = Account(new AutomationDefinition { Template = "tag-campaign", Trigger = new() { Tags = ["spring-sale"] }, Message = "{{ trigger.tag }}: 20% off, {{ contact.firstName }}!" });
        var added = new AutomationEvent { Kind = AutomationEventKind.ContactTagsChanged, ContactId = Ana.Id, OccurredAt = Offset("2026-06-01T10:00-04"), WebhookId = "wh-1", AddedTags = ["Spring-Sale"] };
        var other = added with { AddedTags = ["vip"] };

        Assert.Equal("spring-sale: 20% off, Ana!", Single(account, added, "2026-06-01T10:00-04").Send!.Body);
        Assert.Empty(AutomationPlanner.Plan(account, other, Ana, ContactConsent.Allowed, At("2026-06-01T10:00-04")));
    }

    [Fact]
    public void A_tag_update_without_the_tags_before_is_skipped_with_the_reason()
    {
        var account = Account(new AutomationDefinition { Template = "tag-campaign", Trigger = new() { Tags = ["vip"] } });
        var evt = new AutomationEvent { Kind = AutomationEventKind.ContactTagsChanged, ContactId = Ana.Id, OccurredAt = Offset("2026-06-01T10:00-04"), PreviousTagsUnknown = true };

        Assert.Contains("tags before this update are not known", Single(account, evt, "2026-06-01T10:00-04").SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyword_reply_answers_and_can_quote_the_keyword()
    {
        var account = Account(new AutomationDefinition { Template = "keyword-auto-reply", Trigger = new() { Keywords = ["HOURS"] }, Message = "{{ trigger.keyword }}: 9-5. You said: {{ message.body }}" });
        var evt = AutomationEvents.FromInboundMessage(new AutomationMessage { Id = "m-1", Body = "your hours?", At = Offset("2026-06-01T10:00-04") }, Ana.Id);

        var decision = Single(account, evt, "2026-06-01T10:00-04");

        Assert.Equal("HOURS: 9-5. You said: your hours?", decision.Send!.Body);
        Assert.Equal(SendIds.For("acme", "keyword-auto-reply", Ana.Id, "inbound:m-1"), decision.SendId);
        Assert.Empty(AutomationPlanner.Plan(account, evt with { Message = evt.Message! with { Body = "shours" } }, Ana, ContactConsent.Allowed, At("2026-06-01T10:00-04")));
    }

    [Fact]
    public void A_missed_reply_nudge_is_planned_after_the_wait()
    {
        var evt = AutomationEvents.FromOutboundMessage(new AutomationMessage { Id = "out-1", At = Offset("2026-06-01T10:00-04") }, Ana.Id);

        var send = Single(Account(Template("missed-reply")), evt, "2026-06-01T10:00-04").Send!;

        Assert.Equal(Offset("2026-06-01T14:00-04"), send.SendAt);
        Assert.Equal("outbound:out-1", send.TriggerIdentity);
    }

    [Fact]
    public void A_task_for_the_contact_can_text_its_title()
    {
        var account = Account(new AutomationDefinition { Name = "task-note", Trigger = new() { Event = "taskCreated" }, Message = "We're on it: {{ task.title }}" });
        var evt = new AutomationEvent { Kind = AutomationEventKind.TaskCreated, ContactId = Ana.Id, OccurredAt = Offset("2026-06-01T10:00-04"), Task = new() { Id = "t-1", Title = "Send the quote" } };

        Assert.Equal("We're on it: Send the quote", Single(account, evt, "2026-06-01T10:00-04").Send!.Body);
    }

    [Theory]
    [InlineData("tagPresent", "the contact does not have the tag 'gold'.")]
    [InlineData("tagAbsent", "the contact has the tag 'VIP'.")]
    [InlineData("customField", "the custom field 'plan' is not 'silver'.")]
    public void An_unmet_condition_skips_with_its_reason(string kind, string reason)
    {
        AutomationConditionDefinition condition = kind switch
        {
            "tagPresent" => new() { TagPresent = "gold" },
            "tagAbsent" => new() { TagAbsent = "VIP" },
            _ => new() { CustomField = "plan", Value = "silver" },
        };

        var decision = Single(Account(new AutomationDefinition { Template = "welcome-new-lead", Conditions = [condition] }), ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04");

        Assert.Equal(reason, decision.SkipReason);
    }

    [Fact]
    public void Conditions_that_hold_let_the_text_through()
    {
        var account = Account(new AutomationDefinition { Template = "welcome-new-lead", Conditions = [new() { TagPresent = "VIP" }, new() { CustomField = "Plan", Value = " GOLD " }, new() { TagAbsent = "no-sms" }] });

        Assert.True(Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04").IsPlanned);
    }

    [Fact]
    public void A_contact_without_a_phone_or_who_opted_out_is_never_planned_even_without_listed_conditions()
    {
        var account = Account(new AutomationDefinition { Template = "welcome-new-lead", Conditions = [] });

        Assert.Equal("the contact has no phone number.", Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04", Ana with { Phone = " " }).SkipReason);
        Assert.StartsWith("the contact opted out", Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04", consent: new(false, true)).SkipReason, StringComparison.Ordinal);
        Assert.StartsWith("the contact opted out", Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04", consent: new(true, false)).SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_over_the_segment_limit_is_refused_with_the_count()
    {
        var account = Account(new AutomationDefinition { Template = "welcome-new-lead", Message = "Hi {{ contact.customFields.bio }}", MaxSegments = 1 });
        var chatty = Ana with { CustomFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["bio"] = new string('a', 170) } };

        var decision = Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04", chatty);

        Assert.Equal("the message renders to 2 segments (Gsm7, 173 septets), over the maximum of 1.", decision.SkipReason);
    }

    [Fact]
    public void A_missing_placeholder_is_planned_with_its_name_shown()
    {
        var account = Account(new AutomationDefinition { Template = "welcome-new-lead", Message = "Hi {{ contact.firstName }}, your plan: {{ contact.customFields.tier }}" });

        var send = Single(account, ContactCreated("2026-06-01T10:00-04"), "2026-06-01T10:00-04", Ana with { FirstName = null }).Send!;

        Assert.Equal("Hi , your plan:", send.Body);
        Assert.Equal(["contact.firstName", "contact.customFields.tier"], send.MissingPlaceholders);
    }

    [Fact]
    public void A_reminder_booked_too_late_is_skipped_not_sent_late()
    {
        var decision = Single(Account(Template("appointment-reminder-24h")), Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00-04", "2026-06-10T12:00-04"), "2026-06-10T12:00-04");

        Assert.Contains("not sent late", decision.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_sending_hours_and_locale_apply()
    {
        var account = Account("Europe/London", "en-GB", new SendingHoursDefinition { Start = "09:00", End = "18:00" }, Template("appointment-confirmation"));

        var send = Single(account, Appointment(AutomationEventKind.AppointmentCreated, "2026-06-10T15:00+01", "2026-06-01T19:30+01"), "2026-06-01T19:30+01").Send!;

        Assert.Equal(Offset("2026-06-02T09:00+01"), send.SendAt);
        Assert.True(send.ShiftedBySendingHours);
        Assert.Contains("Wednesday, 10 June 2026 at 15:00", send.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_the_appointment_its_kind_is_about_plans_nothing()
    {
        var bare = new AutomationEvent { Kind = AutomationEventKind.AppointmentCreated, ContactId = Ana.Id, OccurredAt = Offset("2026-06-01T10:00-04") };

        Assert.Empty(AutomationPlanner.Plan(Account(Template("appointment-confirmation")), bare, Ana, ContactConsent.Allowed, At("2026-06-01T10:00-04")));
    }

    [Fact]
    public void Only_automations_whose_trigger_fires_are_in_the_plan()
    {
        var account = Account(Template("welcome-new-lead"), Template("appointment-confirmation"), new AutomationDefinition { Template = "appointment-confirmation", Name = "cancel-note", Trigger = new() { Event = "appointmentCancelled" }, Message = "Your appointment was cancelled." });

        var decisions = AutomationPlanner.Plan(account, Appointment(AutomationEventKind.AppointmentCancelled, "2026-06-10T15:00-04", "2026-06-01T10:00-04"), Ana, ContactConsent.Allowed, At("2026-06-01T10:00-04"));

        Assert.Equal(["cancel-note"], decisions.Select(d => d.AutomationName));
    }
}
