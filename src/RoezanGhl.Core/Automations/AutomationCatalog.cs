namespace RoezanGhl.Core.Automations;

/// <summary>
/// The ready-made automations an account enables by name (<c>{"template": "welcome-new-lead"}</c>) and adjusts with
/// overrides, as presets are for flows. Every message stays in GSM-7 and ends with the opt-out line carriers expect.
/// </summary>
public static class AutomationCatalog
{
    public const string WelcomeNewLead = "welcome-new-lead";
    public const string AppointmentConfirmation = "appointment-confirmation";
    public const string AppointmentReminder24h = "appointment-reminder-24h";
    public const string TagCampaign = "tag-campaign";
    public const string MissedReply = "missed-reply";
    public const string KeywordAutoReply = "keyword-auto-reply";

    private const string OptOut = " Reply STOP to opt out.";
    private const string Hi = "Hi {{ contact.firstName | default: \"there\" }}, ";
    private const string When = "{{ appointment.startTime | date }} at {{ appointment.startTime | time }}";

    public static IReadOnlyList<string> Names { get; } =
        [WelcomeNewLead, AppointmentConfirmation, AppointmentReminder24h, TagCampaign, MissedReply, KeywordAutoReply];

    /// <summary>A fresh copy of the ready-made definition (callers may change it), or null for an unknown name.</summary>
    public static AutomationDefinition? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        WelcomeNewLead => Define(WelcomeNewLead, AutomationTriggerKind.ContactCreated, Hi + "thanks for reaching out! We'll text you here shortly." + OptOut),
        AppointmentConfirmation => Define(AppointmentConfirmation, AutomationTriggerKind.AppointmentCreated, Hi + "your {{ appointment.title | default: \"appointment\" }} is booked for " + When + "." + OptOut),
        AppointmentReminder24h => Define(AppointmentReminder24h, AutomationTriggerKind.AppointmentScheduled, Hi + "a reminder of your {{ appointment.title | default: \"appointment\" }} on " + When + "." + OptOut, before: "24h"),
        TagCampaign => Define(TagCampaign, AutomationTriggerKind.TagAdded, Hi + "thanks for your interest! Reply here with any questions." + OptOut),
        MissedReply => Define(MissedReply, AutomationTriggerKind.NoReply, Hi + "just checking you saw our last message. Reply here any time." + OptOut, after: "4h"),
        KeywordAutoReply => Define(KeywordAutoReply, AutomationTriggerKind.InboundKeyword, "Thanks for your message{% if contact.firstName %}, {{ contact.firstName }}{% endif %}! We'll get back to you shortly." + OptOut, keywords: ["INFO"]),
        _ => null,
    };

    /// <summary>
    /// The template with an entry's overrides: every member the entry sets replaces the template's, except that
    /// trigger tags/keywords and the timing's grace are overridden one by one (so <c>{"trigger": {"tags": ["vip"]}}</c>
    /// keeps the event), and a timing with <c>after</c> or <c>before</c> replaces both.
    /// </summary>
    public static AutomationDefinition Merge(AutomationDefinition template, AutomationDefinition entry)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(entry);
        var trigger = template.Trigger ?? new AutomationTriggerDefinition();
        var timing = template.Timing ?? new AutomationTimingDefinition();
        var newTiming = entry.Timing is { } t && (t.After is not null || t.Before is not null);
        return new AutomationDefinition
        {
            Name = entry.Name ?? template.Name,
            Template = entry.Template,
            Enabled = entry.Enabled,
            Trigger = new AutomationTriggerDefinition
            {
                Event = entry.Trigger?.Event ?? trigger.Event,
                Tags = entry.Trigger?.Tags ?? trigger.Tags,
                Keywords = entry.Trigger?.Keywords ?? trigger.Keywords,
            },
            Conditions = entry.Conditions ?? template.Conditions,
            Message = entry.Message ?? template.Message,
            Timing = new AutomationTimingDefinition
            {
                After = newTiming ? entry.Timing!.After : timing.After,
                Before = newTiming ? entry.Timing!.Before : timing.Before,
                Grace = entry.Timing?.Grace ?? timing.Grace,
            },
            MaxSegments = entry.MaxSegments ?? template.MaxSegments,
        };
    }

    private static AutomationDefinition Define(string name, AutomationTriggerKind trigger, string message, string? before = null, string? after = null, List<string>? keywords = null) => new()
    {
        Name = name,
        Trigger = new AutomationTriggerDefinition { Event = AutomationTriggerKinds.NameOf(trigger), Keywords = keywords },
        Conditions = [new AutomationConditionDefinition { HasPhone = true }, new AutomationConditionDefinition { NotOptedOut = true }],
        Message = message,
        Timing = new AutomationTimingDefinition { Before = before, After = after },
        MaxSegments = Automation.DefaultMaxSegments,
    };
}
