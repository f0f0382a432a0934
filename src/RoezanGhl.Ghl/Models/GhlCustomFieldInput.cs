using RoezanGhl.Ghl.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// A custom field value to write (<c>TextField</c>, <c>NumericField</c>, ... in the spec): the field's
/// <c>id</c> (required by the spec), optionally its <c>key</c>, and <c>field_value</c>.
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
}
