using System.Globalization;
using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>A Roezan contact as carried by <c>contact.created</c> and <c>contact.updated</c>.</summary>
public sealed class RoezanContact
{
    public string? Id { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>As sent by Roezan; E.164 after normalization.</summary>
    public string? Phone { get; set; }

    /// <summary>Trimmed and lower-cased after normalization.</summary>
    public string? Email { get; set; }

    public List<string>? Tags { get; set; }

    /// <summary>Roezan custom field values by Roezan field name (strings, numbers or booleans).</summary>
    public Dictionary<string, JsonElement>? CustomFields { get; set; }

    /// <summary>
    /// True when the person opted out of texts in Roezan (replied STOP). Optional: when true, the contact's GHL SMS
    /// do-not-disturb is set; false or absent never clears it (an opt-in is the person's own act in GHL).
    /// </summary>
    public bool? OptedOut { get; set; }

    /// <summary>When the person opted out (optional, RFC 3339).</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    /// <summary>An optional note that <c>contact.updated</c> appends to the GHL contact.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// <see cref="CustomFields"/> as text, the way GHL takes a <c>field_value</c>: strings trimmed, numbers as
    /// written, booleans as "true"/"false". Blank names and values without text (null, blank, objects,
    /// arrays) are left out, so they are never written.
    /// </summary>
    public IReadOnlyDictionary<string, string> CustomFieldTexts()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in CustomFields ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name) && TextOf(value) is { } text)
            {
                texts[name.Trim()] = text;
            }
        }

        return texts;
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        _ => null,
    };
}
