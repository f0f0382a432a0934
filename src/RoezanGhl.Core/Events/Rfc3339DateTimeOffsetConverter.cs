using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Reads date-times only in the RFC 3339 form the schema's <c>format: date-time</c> demands: a date, a
/// <c>T</c>, a time and an offset (<c>Z</c> or <c>±hh:mm</c>). System.Text.Json alone would also take a
/// bare date or a time without offset, which would then be read in the server's zone and silently shift
/// the event; rejecting it keeps the validator and the published schema in agreement.
/// </summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const int MaxLength = 64;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an RFC 3339 date-time string.");
        }

        Span<byte> scratch = stackalloc byte[MaxLength];
        scoped ReadOnlySpan<byte> text;
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            // Rare: an escaped or split token. Unescape into the stack buffer.
            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length > MaxLength)
            {
                throw new JsonException("Expected an RFC 3339 date-time string.");
            }

            var written = reader.CopyString(scratch);
            text = scratch[..written];
        }
        else
        {
            text = reader.ValueSpan;
        }

        if (!HasRfc3339Shape(text) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("Expected an RFC 3339 date-time string.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary><c>yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm)</c>; the value itself is checked by the reader.</summary>
    internal static bool HasRfc3339Shape(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || (text[10] != (byte)'T' && text[10] != (byte)'t'))
        {
            return false;
        }

        var last = text[^1];
        if (last is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        return text.Length >= 25 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':';
    }
}
