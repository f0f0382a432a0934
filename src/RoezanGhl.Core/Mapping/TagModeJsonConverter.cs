using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// Reads <see cref="TagMode"/> from the mapping file exactly as the JSON Schema allows it
/// ("Additive", "Mirror", or lower-case), refusing numbers and other spellings that the built-in
/// enum converter would let through.
/// </summary>
public sealed class TagModeJsonConverter : JsonConverter<TagMode>
{
    public override TagMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            switch (reader.GetString())
            {
                case "Additive" or "additive":
                    return TagMode.Additive;
                case "Mirror" or "mirror":
                    return TagMode.Mirror;
            }
        }

        throw new JsonException("tagMode must be \"Additive\" or \"Mirror\".");
    }

    public override void Write(Utf8JsonWriter writer, TagMode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
