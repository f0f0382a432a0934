namespace RoezanGhl.Core.Automations;

/// <summary>What starts an automation: <c>{"event": "tagAdded", "tags": ["spring-sale"]}</c>. Given members override the template's.</summary>
public sealed class AutomationTriggerDefinition
{
    /// <summary>One of <see cref="AutomationTriggerKinds.Names"/>.</summary>
    public string? Event { get; set; }

    /// <summary>tagAdded: any of these tags, newly on the contact (case-insensitive).</summary>
    public List<string>? Tags { get; set; }

    /// <summary>inboundKeyword: any of these words, as a whole word anywhere in the message (case-insensitive).</summary>
    public List<string>? Keywords { get; set; }
}
