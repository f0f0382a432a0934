namespace RoezanGhl.Core.Automations;

/// <summary>
/// One condition, exactly one kind per object: <c>{"tagPresent": "vip"}</c>, <c>{"tagAbsent": "no-sms"}</c>,
/// <c>{"customField": "plan", "value": "gold"}</c>, <c>{"hasPhone": true}</c>, <c>{"notOptedOut": true}</c>.
/// (A phone and consent are required for every send whether listed or not.)
/// </summary>
public sealed class AutomationConditionDefinition
{
    public string? TagPresent { get; set; }

    public string? TagAbsent { get; set; }

    /// <summary>The custom field's name as templates use it; with <see cref="Value"/>.</summary>
    public string? CustomField { get; set; }

    /// <summary>The value <see cref="CustomField"/> must equal (trimmed, case-insensitive).</summary>
    public string? Value { get; set; }

    public bool? HasPhone { get; set; }

    public bool? NotOptedOut { get; set; }
}
