using System.Text.Json;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// The contact an automation is about, as the caller knows it when it evaluates: from the webhook for Contact*
/// events, from its stored snapshot or GHL for the others. Conditions and templates read only this.
/// </summary>
public sealed record AutomationContact
{
    /// <summary>The GHL contact id: part of the send id.</summary>
    public required string Id { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The full name as GHL stores it; when absent, templates get first and last name joined.</summary>
    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>The number texts go to (E.164).</summary>
    public string? Phone { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Custom field values by the name templates and conditions use (<c>plan</c>), compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The contact of a GHL Contact* event. GHL sends custom fields by id, so <paramref name="customFieldNamesById"/>
    /// gives each id the name templates use (from the account's mapping, or GHL's field list); a field without a
    /// name is readable under its id. Text, numbers and booleans are read; arrays and objects (uploads, multi-select) are not.
    /// </summary>
    public static AutomationContact FromGhl(GhlContactEvent contact, IReadOnlyDictionary<string, string>? customFieldNamesById = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in contact.CustomFields ?? [])
        {
            if (field?.Id is not { Length: > 0 } id || TextOf(field.Value) is not { } value)
            {
                continue;
            }

            fields[id] = value;
            if (customFieldNamesById?.GetValueOrDefault(id) is { Length: > 0 } name)
            {
                fields[name] = value;
            }
        }

        return new AutomationContact
        {
            Id = contact.Id ?? string.Empty,
            FirstName = contact.FirstName,
            LastName = contact.LastName,
            Name = contact.Name,
            Email = contact.Email,
            Phone = contact.Phone,
            Tags = (contact.Tags ?? []).Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag!.Trim()).ToList(),
            CustomFields = fields,
        };
    }

    /// <summary>Whether the contact has the tag (GHL compares tags case-insensitively).</summary>
    public bool HasTag(string tag) => Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string? TextOf(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.Value.GetRawText(),
        _ => null,
    };
}
