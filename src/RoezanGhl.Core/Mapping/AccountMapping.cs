using System.Text.Json.Serialization;
using RoezanGhl.Core.Automations;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// How one Roezan account's contacts become GHL contacts (and which GHL events text them back), written as configuration rather than code:
/// bound from <c>Roezan:Accounts:{accountId}:Mapping</c>, or read from the file named by
/// <c>Roezan:MappingFile</c> (schema: <c>Mapping/account-mapping.schema.json</c>). Every property has
/// a default, so an account with no mapping at all syncs the standard fields under their own names.
/// </summary>
public sealed class AccountMapping
{
    /// <summary>The default for <see cref="Source"/>.</summary>
    public const string DefaultSource = "Roezan SMS";

    /// <summary>The value of <see cref="StandardFields"/> that keeps a Roezan field out of GHL.</summary>
    public const string NotMapped = "none";

    /// <summary>
    /// Roezan standard field → GHL standard field, both by their camelCase names ("companyName"), or
    /// <c>"none"</c> to leave a field out. Fields not listed go to the GHL field of the same name.
    /// </summary>
    public Dictionary<string, string> StandardFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Roezan custom field name → GHL custom field. Roezan custom fields not listed here are not sent.</summary>
    public Dictionary<string, GhlCustomFieldTarget> CustomFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>GHL <c>source</c> for contacts whose Roezan record has none. Empty: send no source.</summary>
    public string Source { get; set; } = DefaultSource;

    /// <summary>Put before every Roezan tag in GHL ("roezan:" makes "vip" into "roezan:vip"). Empty or unset: no prefix.</summary>
    public string? TagPrefix { get; set; }

    /// <summary>Additive (default) or Mirror.</summary>
    [JsonConverter(typeof(TagModeJsonConverter))]
    public TagMode TagMode { get; set; } = TagMode.Additive;

    /// <summary>
    /// Two-way sync: the direction of each field GHL → Roezan carries (<c>firstName</c>, <c>lastName</c>, <c>email</c>,
    /// <c>tags</c>): <c>both</c> (unset), <c>roezan-to-ghl</c> or <c>ghl-to-roezan</c> (<see cref="FieldDirections"/>).
    /// </summary>
    public Dictionary<string, string> Directions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether a <c>contact.updated</c> also appends a note listing what changed.</summary>
    public bool NoteOnContactUpdate { get; set; }

    /// <summary>
    /// The account's SMS automations (GHL events that text the contact through Roezan): ready-made templates by
    /// name with overrides, or whole definitions. Checked at start by <see cref="AutomationValidator"/>.
    /// </summary>
    public List<AutomationDefinition?> Automations { get; set; } = [];

    /// <summary>When automations may text, in the account's time zone. Unset: 08:00 to 21:00.</summary>
    public SendingHoursDefinition? SendingHours { get; set; }
}
