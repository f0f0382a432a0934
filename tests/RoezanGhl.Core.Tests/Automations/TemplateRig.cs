using System.Globalization;
using NodaTime;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Templates;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>Renders template sources against a sample contact in a chosen zone and culture.</summary>
internal static class TemplateRig
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 15, 0);

    public static AutomationContact Ana { get; } = new()
    {
        Id = "c-ana",
        FirstName = "Ana",
        LastName = "Diaz",
        Phone = "+12015550123",
        Email = "ana@example.com",
        Tags = ["vip", "lead"],
        CustomFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["plan"] = "gold", ["loyalty_tier"] = "2" },
    };

    public static SmsRenderResult Render(string source, SmsTemplateModel model, string zone = "America/New_York", string culture = "en-US")
    {
        Assert.True(SmsTemplate.TryParse(source, out var template, out var error), error);
        return template.Render(model, new SmsRenderSettings(DateTimeZoneProviders.Tzdb[zone], CultureInfo.GetCultureInfo(culture), Now));
    }

    public static SmsRenderResult Render(string source) => Render(source, new SmsTemplateModel { Contact = Ana });

    public static SmsTemplateModel WithAppointmentAt(DateTimeOffset start) => new()
    {
        Contact = Ana,
        Appointment = new AutomationAppointment { Id = "apt-1", StartTime = start, Title = "Cleaning" },
    };
}
