using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// Writes timestamps the way GHL's examples show them (<c>2020-10-25T11:00:00.000Z</c>): UTC with a
/// <c>Z</c>, because System.Text.Json would otherwise write <c>+00:00</c> or a local offset.
/// </summary>
public sealed class GhlUtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("Expected a timestamp."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
