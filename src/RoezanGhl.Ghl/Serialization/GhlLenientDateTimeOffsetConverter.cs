using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// Reads GHL timestamps, which come as ISO 8601 strings, epoch milliseconds or occasionally text that
/// is neither; an unreadable value becomes null instead of failing the whole answer.
/// </summary>
public sealed class GhlLenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                    ? parsed
                    : null;
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds):
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteStringValue(GhlUtcDateTimeOffsetConverter.Format(v));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
