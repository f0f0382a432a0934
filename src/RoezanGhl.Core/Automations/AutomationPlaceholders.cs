using System.Globalization;
using NodaTime;
using RoezanGhl.Core.Automations.Templates;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// The placeholders each trigger offers, and a sample model with every one of them filled in: start-up renders each
/// template with it, so a misspelt placeholder, one the trigger does not carry, or a text over its segment limit is
/// named before anything is sent. The samples are also the docs' examples.
/// </summary>
public static class AutomationPlaceholders
{
    /// <summary>Sample renders use New York time, US English and this "now".</summary>
    public static readonly SmsRenderSettings SampleSettings =
        new(DateTimeZoneProviders.Tzdb["America/New_York"], CultureInfo.GetCultureInfo("en-US"), Instant.FromUtc(2026, 6, 1, 14, 0));

    private static readonly string[] ContactPlaceholders =
        ["contact.firstName", "contact.lastName", "contact.name", "contact.email", "contact.phone", "contact.tags", "contact.customFields.<name>"];

    public static IReadOnlyList<string> For(AutomationTriggerKind kind)
    {
        var names = new List<string>(ContactPlaceholders);
        if (AutomationTriggerKinds.CarriesAppointment(kind))
        {
            names.AddRange(["appointment.title", "appointment.startTime", "appointment.endTime", "appointment.status"]);
        }

        switch (kind)
        {
            case AutomationTriggerKind.TaskCreated:
                names.AddRange(["task.title", "task.body", "task.dueDate"]);
                break;
            case AutomationTriggerKind.TagAdded:
                names.Add("trigger.tag");
                break;
            case AutomationTriggerKind.InboundKeyword:
                names.AddRange(["message.body", "message.receivedAt", "trigger.keyword"]);
                break;
        }

        return names;
    }

    /// <summary>A contact (Ana Diaz, 555-01xx, plan gold) and whatever the trigger carries, every value present.</summary>
    public static SmsTemplateModel SampleModel(AutomationTriggerKind kind)
    {
        var contact = new AutomationContact
        {
            Id = "sample-contact",
            FirstName = "Ana",
            LastName = "Diaz",
            Email = "ana@example.com",
            Phone = "+12015550123",
            Tags = ["lead"],
            CustomFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["plan"] = "gold" },
        };
        var start = new DateTimeOffset(2026, 6, 10, 19, 30, 0, TimeSpan.Zero); // 3:30 PM in New York
        return new SmsTemplateModel
        {
            Contact = contact,
            Appointment = AutomationTriggerKinds.CarriesAppointment(kind)
                ? new AutomationAppointment { Id = "sample-appointment", StartTime = start, EndTime = start.AddMinutes(30), Title = "Consultation", Status = "confirmed" }
                : null,
            Task = kind == AutomationTriggerKind.TaskCreated
                ? new AutomationTask { Id = "sample-task", Title = "Send the quote", Body = "Pricing for the spring plan", DueDate = start }
                : null,
            Message = kind == AutomationTriggerKind.InboundKeyword
                ? new AutomationMessage { Id = "sample-message", Body = "INFO please", At = start.AddDays(-9) }
                : null,
            Tag = kind == AutomationTriggerKind.TagAdded ? "spring-sale" : null,
            Keyword = kind == AutomationTriggerKind.InboundKeyword ? "INFO" : null,
        };
    }
}
