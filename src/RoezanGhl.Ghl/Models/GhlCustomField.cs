using System.Text.Json;

namespace RoezanGhl.Ghl.Models;

/// <summary>A custom field value as GHL returns it on a contact (<c>CustomFieldSchema</c>).</summary>
public sealed class GhlCustomField
{
    public string? Id { get; set; }

    /// <summary>The value as sent by GHL: a string, number, array or object depending on the field type.</summary>
    public JsonElement? Value { get; set; }
}
