using NodaTime;
using NodaTime.Text;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>Builds an account's automations from definitions the way start-up does, and events to plan against.</summary>
internal static class AutomationRig
{
    public static AutomationContact Ana => TemplateRig.Ana;

    public static AccountAutomations Account(params AutomationDefinition[] automations) => Account("America/New_York", "en-US", null, automations);

    public static AccountAutomations Account(string zone, string locale, SendingHoursDefinition? hours, params AutomationDefinition[] automations)
    {
        var options = new RoezanAccountOptions
        {
            GhlLocationId = "loc-1",
            TimeZone = zone,
            Locale = locale,
            Mapping = new AccountMapping { Automations = [.. automations], SendingHours = hours },
        };
        Assert.True(AccountAutomations.TryBuild("Acme", options, out var account, out var problems), string.Join("; ", problems));
        return account;
    }

    public static AutomationDefinition Template(string name) => new() { Template = name };

    public static Instant At(string text) => OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<+HH>").Parse(text).Value.ToInstant();

    public static DateTimeOffset Offset(string text) => At(text).ToDateTimeOffset();

    public static AutomationEvent Appointment(AutomationEventKind kind, string start, string occurred, string id = "apt-1", string? webhookId = "wh-1") => new()
    {
        Kind = kind,
        ContactId = Ana.Id,
        OccurredAt = Offset(occurred),
        WebhookId = webhookId,
        Appointment = new AutomationAppointment { Id = id, StartTime = Offset(start), Title = "Cleaning", Status = kind == AutomationEventKind.AppointmentCancelled ? "cancelled" : "confirmed" },
    };

    public static AutomationEvent ContactCreated(string occurred, string? webhookId = "wh-1") =>
        new() { Kind = AutomationEventKind.ContactCreated, ContactId = Ana.Id, OccurredAt = Offset(occurred), WebhookId = webhookId };

    public static AutomationDecision Single(AccountAutomations account, AutomationEvent evt, string now, AutomationContact? contact = null, ContactConsent? consent = null) =>
        Assert.Single(AutomationPlanner.Plan(account, evt, contact ?? Ana, consent ?? ContactConsent.Allowed, At(now)));
}
