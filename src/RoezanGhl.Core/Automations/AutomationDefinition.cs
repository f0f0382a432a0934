namespace RoezanGhl.Core.Automations;

/// <summary>
/// One entry of an account's <c>automations</c> list, as written in the mapping file or settings: either a
/// ready-made template by name with overrides (<c>{"template": "appointment-reminder-24h", "timing": {"before": "2h"}}</c>)
/// or a whole automation. Checked and resolved by <see cref="AutomationValidator"/>.
/// </summary>
public sealed class AutomationDefinition
{
    /// <summary>Unique in the account (case-insensitive), part of every send id; defaults to the template's name.</summary>
    public string? Name { get; set; }

    /// <summary>A ready-made template from <see cref="AutomationCatalog"/> to start from.</summary>
    public string? Template { get; set; }

    /// <summary>False keeps the entry (and its name) but plans nothing.</summary>
    public bool Enabled { get; set; } = true;

    public AutomationTriggerDefinition? Trigger { get; set; }

    /// <summary>All must hold; replaces the template's list when given.</summary>
    public List<AutomationConditionDefinition>? Conditions { get; set; }

    /// <summary>The text, in Liquid (<c>Hi {{ contact.firstName | default: "there" }}</c>).</summary>
    public string? Message { get; set; }

    public AutomationTimingDefinition? Timing { get; set; }

    /// <summary>A render over this many SMS segments is refused. Default 2, at most 10.</summary>
    public int? MaxSegments { get; set; }
}
