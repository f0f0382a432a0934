using RoezanGhl.Ghl.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// A custom field value to write (<c>TextField</c>, <c>NumericField</c>, ... in the spec): the field's
/// <c>id</c> (or its <c>key</c>) and <c>field_value</c>.
/// </summary>
public sealed class GhlCustomFieldInput
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    [JsonPropertyName("field_value")]
    public JsonElement FieldValue { get; set; }

    /// <summary>A text value for the field with <paramref name="id"/>.</summary>
    public static GhlCustomFieldInput Text(string id, string value) =>
        new() { Id = id, FieldValue = JsonSerializer.SerializeToElement(value, GhlJsonContext.Default.String) };

    /// <summary>A text value for the field with <paramref name="key"/> (e.g. <c>contact.plan</c>).</summary>
    public static GhlCustomFieldInput TextByKey(string key, string value) =>
        new() { Key = key, FieldValue = JsonSerializer.SerializeToElement(value, GhlJsonContext.Default.String) };
}
