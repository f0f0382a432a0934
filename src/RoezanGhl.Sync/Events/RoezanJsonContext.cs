using System.Text.Json.Serialization;

namespace RoezanGhl.Sync.Events;

/// <summary>Source-generated (de)serialization of the Roezan contract: camelCase, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RoezanEvent))]
[JsonSerializable(typeof(QueuedRoezanEvent))]
public sealed partial class RoezanJsonContext : JsonSerializerContext;
