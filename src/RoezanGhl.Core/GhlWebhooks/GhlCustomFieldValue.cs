using System.Text.Json;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>One custom field of a GHL contact: the field's id and its value as GHL sent it.</summary>
public sealed class GhlCustomFieldValue
{
    public string? Id { get; set; }

    /// <summary>A string, number, array or object (file uploads, multi-select); kept as JSON for the mapping to read.</summary>
    public JsonElement? Value { get; set; }
}
