using RoezanGhl.Ghl.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// A custom field value to write: the field's <c>id</c> or its <c>key</c>, and <c>field_value</c>. The typed
/// variants (<c>TextField</c>, <c>NumericField</c>, ...) require <c>id</c>; <c>customFieldsInputStringSchema</c>
/// says "pass either id or key", which is what <see cref="TextByKey"/> sends.
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

    /// <summary>A text value for the field with <paramref name="key"/> (<c>contact.plan</c>), sent without an id.</summary>
    public static GhlCustomFieldInput TextByKey(string key, string value) =>
        new() { Key = key, FieldValue = JsonSerializer.SerializeToElement(value, GhlJsonContext.Default.String) };
}
