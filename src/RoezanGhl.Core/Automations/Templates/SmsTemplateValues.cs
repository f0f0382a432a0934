using Fluid.Values;
using NodaTime;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// Turns a <see cref="SmsTemplateModel"/> into the template's root objects. Times become Liquid dates already
/// in the account's zone (offset from NodaTime's tz database), so <c>date</c> and <c>time</c> need no zone of their own.
/// </summary>
internal static class SmsTemplateValues
{
    public static IEnumerable<KeyValuePair<string, FluidValue>> Roots(SmsTemplateModel model, DateTimeZone zone)
    {
        yield return Root("contact", Contact(model.Contact));
        if (model.Appointment is { } appointment)
        {
            yield return Root("appointment", Object("appointment", new()
            {
                ["title"] = Text(appointment.Title),
                ["startTime"] = Time(appointment.StartTime, zone),
                ["endTime"] = appointment.EndTime is { } end ? Time(end, zone) : null,
                ["status"] = Text(appointment.Status),
            }));
        }

        if (model.Task is { } task)
        {
            yield return Root("task", Object("task", new()
            {
                ["title"] = Text(task.Title),
                ["body"] = Text(task.Body),
                ["dueDate"] = task.DueDate is { } due ? Time(due, zone) : null,
            }));
        }

        if (model.Message is { } message)
        {
            yield return Root("message", Object("message", new() { ["body"] = Text(message.Body), ["receivedAt"] = Time(message.At, zone) }));
        }

        var trigger = new Dictionary<string, FluidValue?>();
        if (model.Tag is not null)
        {
            trigger["tag"] = Text(model.Tag);
        }

        if (model.Keyword is not null)
        {
            trigger["keyword"] = Text(model.Keyword);
        }

        if (trigger.Count > 0)
        {
            yield return Root("trigger", Object("trigger", trigger));
        }
    }

    private static TemplateObjectValue Contact(AutomationContact contact)
    {
        var fullName = string.IsNullOrWhiteSpace(contact.Name)
            ? string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()))
            : contact.Name;
        var customFields = contact.CustomFields.Select(pair => KeyValuePair.Create(pair.Key, Text(pair.Value)));
        return Object("contact", new()
        {
            ["firstName"] = Text(contact.FirstName),
            ["lastName"] = Text(contact.LastName),
            ["name"] = Text(fullName),
            ["email"] = Text(contact.Email),
            ["phone"] = Text(contact.Phone),
            ["tags"] = ArrayValue.Create(contact.Tags.Select(tag => (FluidValue)StringValue.Create(tag)).ToList()),
            ["customFields"] = new TemplateObjectValue("contact.customFields", customFields),
        });
    }

    private static KeyValuePair<string, FluidValue> Root(string name, FluidValue value) => KeyValuePair.Create(name, value);

    private static TemplateObjectValue Object(string path, Dictionary<string, FluidValue?> members) => new(path, members);

    /// <summary>Blank text is no value: it renders as a missing placeholder, so <c>default</c> replaces it.</summary>
    private static FluidValue? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : StringValue.Create(value.Trim());

    private static DateTimeValue Time(DateTimeOffset value, DateTimeZone zone) =>
        DateTimeValue.Create(Instant.FromDateTimeOffset(value).InZone(zone).ToDateTimeOffset());
}
