using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Source-generated (de)serialization of the Roezan contract: camelCase, no reflection. Date-times are
/// read strictly as RFC 3339 (see <see cref="Rfc3339DateTimeOffsetConverter"/>). Unknown members are
/// ignored so that Roezan can add fields without breaking the door.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(RoezanEvent))]
[JsonSerializable(typeof(QueuedRoezanEvent))]
public sealed partial class RoezanJsonContext : JsonSerializerContext;
