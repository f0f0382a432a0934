namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// Everything a template may read: the contact, and what the trigger brought (an appointment, a task, a
/// message, the tag added or the keyword matched). Parts left null are not placeholders for that render.
/// </summary>
public sealed record SmsTemplateModel
{
    public required AutomationContact Contact { get; init; }

    public AutomationAppointment? Appointment { get; init; }

    public AutomationTask? Task { get; init; }

    /// <summary>The inbound message a keyword auto-reply answers.</summary>
    public AutomationMessage? Message { get; init; }

    /// <summary>The tag whose addition fired the automation (<c>trigger.tag</c>).</summary>
    public string? Tag { get; init; }

    /// <summary>The keyword the inbound message matched (<c>trigger.keyword</c>).</summary>
    public string? Keyword { get; init; }
}
