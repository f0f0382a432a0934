namespace RoezanGhl.Core.Automations;

/// <summary>A checked condition; <see cref="Name"/> is the tag or custom field, <see cref="Value"/> the value a field must equal.</summary>
public sealed record AutomationCondition(AutomationConditionKind Kind, string? Name = null, string? Value = null)
{
    /// <summary>The conditions every send must meet, listed or not.</summary>
    public static IReadOnlyList<AutomationCondition> Always { get; } =
        [new(AutomationConditionKind.HasPhone), new(AutomationConditionKind.NotOptedOut)];

    public bool IsMetBy(AutomationContact contact, ContactConsent consent)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(consent);
        return Kind switch
        {
            AutomationConditionKind.TagPresent => contact.HasTag(Name!),
            AutomationConditionKind.TagAbsent => !contact.HasTag(Name!),
            AutomationConditionKind.CustomFieldEquals => contact.CustomFields.TryGetValue(Name!, out var value)
                && string.Equals(value?.Trim(), Value?.Trim(), StringComparison.OrdinalIgnoreCase),
            AutomationConditionKind.HasPhone => !string.IsNullOrWhiteSpace(contact.Phone),
            AutomationConditionKind.NotOptedOut => !consent.OptedOut,
            _ => false,
        };
    }

    /// <summary>Why the condition failed, naming the tag or field but never the contact's data.</summary>
    public string FailureReason => Kind switch
    {
        AutomationConditionKind.TagPresent => $"the contact does not have the tag '{Name}'.",
        AutomationConditionKind.TagAbsent => $"the contact has the tag '{Name}'.",
        AutomationConditionKind.CustomFieldEquals => $"the custom field '{Name}' is not '{Value}'.",
        AutomationConditionKind.HasPhone => "the contact has no phone number.",
        AutomationConditionKind.NotOptedOut => "the contact opted out of texts (DND in GHL or opted out in Roezan).",
        _ => "unknown condition.",
    };
}
