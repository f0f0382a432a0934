using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>GHL webhooks become automation events; tag additions are a pure function of (tags before, event).</summary>
public sealed class AutomationEventsTests
{
    private static readonly DateTimeOffset Received = new(2026, 6, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tag_update_adds_the_tags_present_now_that_were_not_before()
    {
        var evt = AutomationEvents.FromGhl(TagUpdate("vip", "Spring-Sale", "lead"), ["LEAD", "old"], Received);

        Assert.NotNull(evt);
        Assert.Equal(AutomationEventKind.ContactTagsChanged, evt.Kind);
        Assert.Equal(["vip", "Spring-Sale"], evt.AddedTags);
        Assert.False(evt.PreviousTagsUnknown);
    }

    [Fact]
    public void A_tag_update_that_only_removes_tags_adds_none() =>
        Assert.Empty(AutomationEvents.FromGhl(TagUpdate("lead"), ["lead", "vip"], Received)!.AddedTags);

    [Fact]
    public void Without_the_tags_before_nothing_counts_as_added()
    {
        var evt = AutomationEvents.FromGhl(TagUpdate("vip"), null, Received)!;

        Assert.Empty(evt.AddedTags);
        Assert.True(evt.PreviousTagsUnknown);
    }

    [Fact]
    public void A_new_contact_is_contact_created_at_the_webhook_time()
    {
        var contact = new GhlContactEvent { Kind = GhlWebhookEventKind.ContactCreate, Id = "c-1", WebhookId = "wh-1", Timestamp = Received.AddMinutes(-1) };

        var evt = AutomationEvents.FromGhl(contact, null, Received)!;

        Assert.Equal((AutomationEventKind.ContactCreated, "c-1", Received.AddMinutes(-1), "wh-1"), (evt.Kind, evt.ContactId, evt.OccurredAt, evt.WebhookId));
    }

    [Theory]
    [InlineData(GhlWebhookEventKind.AppointmentCreate, "confirmed", AutomationEventKind.AppointmentCreated)]
    [InlineData(GhlWebhookEventKind.AppointmentUpdate, "confirmed", AutomationEventKind.AppointmentUpdated)]
    [InlineData(GhlWebhookEventKind.AppointmentUpdate, "Cancelled", AutomationEventKind.AppointmentCancelled)]
    [InlineData(GhlWebhookEventKind.AppointmentDelete, "confirmed", AutomationEventKind.AppointmentCancelled)]
    public void Appointment_webhooks_become_created_updated_or_cancelled(GhlWebhookEventKind kind, string status, AutomationEventKind expected)
    {
        var webhook = new GhlAppointmentEvent
        {
            Kind = kind,
            Appointment = new GhlAppointment { Id = "apt-1", ContactId = "c-1", StartTime = Received.AddDays(2), AppointmentStatus = status },
        };

        var evt = AutomationEvents.FromGhl(webhook, null, Received)!;

        Assert.Equal(expected, evt.Kind);
        Assert.Equal("apt-1", evt.Appointment!.Id);
        Assert.Equal(Received, evt.OccurredAt);
    }

    [Fact]
    public void An_appointment_without_a_start_or_contact_starts_nothing()
    {
        Assert.Null(AutomationEvents.FromGhl(new GhlAppointmentEvent { Kind = GhlWebhookEventKind.AppointmentCreate, Appointment = new() { Id = "apt-1", ContactId = "c-1" } }, null, Received));
        Assert.Null(AutomationEvents.FromGhl(new GhlAppointmentEvent { Kind = GhlWebhookEventKind.AppointmentCreate, Appointment = new() { Id = "apt-1", StartTime = Received } }, null, Received));
    }

    [Fact]
    public void A_task_for_a_contact_is_task_created_and_one_without_a_contact_is_nothing()
    {
        var task = new GhlTaskEvent { Kind = GhlWebhookEventKind.TaskCreate, Id = "t-1", ContactId = "c-1", Title = "Call back" };

        Assert.Equal("t-1", AutomationEvents.FromGhl(task, null, Received)!.Task!.Id);
        Assert.Null(AutomationEvents.FromGhl(new GhlTaskEvent { Kind = GhlWebhookEventKind.TaskCreate, Id = "t-1" }, null, Received));
    }

    [Fact]
    public void Events_no_automation_listens_to_are_nothing()
    {
        Assert.Null(AutomationEvents.FromGhl(new GhlContactEvent { Kind = GhlWebhookEventKind.ContactDelete, Id = "c-1" }, null, Received));
        Assert.Null(AutomationEvents.FromGhl(new GhlTaskEvent { Kind = GhlWebhookEventKind.TaskComplete, Id = "t-1", ContactId = "c-1" }, null, Received));
    }

    [Fact]
    public void Ghl_dnd_on_all_channels_or_on_sms_forbids_texts()
    {
        Assert.True(ContactConsent.GhlForbidsSms(new GhlContactEvent { Dnd = true }));
        Assert.True(ContactConsent.GhlForbidsSms(new GhlContactEvent { DndSettings = new() { Sms = new() { Status = "active" } } }));
        Assert.True(ContactConsent.GhlForbidsSms(new GhlContactEvent { DndSettings = new() { Sms = new() { Status = "permanent" } } }));
        Assert.False(ContactConsent.GhlForbidsSms(new GhlContactEvent { Dnd = false, DndSettings = new() { Sms = new() { Status = "inactive" }, Email = new() { Status = "active" } } }));
    }

    [Fact]
    public void A_ghl_contact_gives_custom_fields_their_names_and_keeps_their_ids()
    {
        var ghl = new GhlContactEvent
        {
            Id = "c-1",
            CustomFields =
            [
                new() { Id = "f1", Value = System.Text.Json.JsonDocument.Parse("\"gold\"").RootElement },
                new() { Id = "f2", Value = System.Text.Json.JsonDocument.Parse("3").RootElement },
                new() { Id = "f3", Value = System.Text.Json.JsonDocument.Parse("[\"a\"]").RootElement },
            ],
        };

        var contact = AutomationContact.FromGhl(ghl, new Dictionary<string, string> { ["f1"] = "plan" });

        Assert.Equal("gold", contact.CustomFields["plan"]);
        Assert.Equal("gold", contact.CustomFields["f1"]);
        Assert.Equal("3", contact.CustomFields["f2"]);
        Assert.False(contact.CustomFields.ContainsKey("f3"));
    }

    private static GhlContactEvent TagUpdate(params string[] tags) =>
        new() { Kind = GhlWebhookEventKind.ContactTagUpdate, Id = "c-1", WebhookId = "wh-1", Tags = [.. tags] };
}
