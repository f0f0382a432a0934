using System.Text.Json;

namespace RoezanGhl.Sync.Events;

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

    /// <summary>An optional note that <c>contact.updated</c> appends to the GHL contact.</summary>
    public string? Note { get; set; }
}
