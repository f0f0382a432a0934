using System.Text.Json.Serialization;

namespace RoezanGhl.Roezan;

/// <summary>Roezan's request bodies are camelCase (<c>firstName</c>), as seen in public client code; nulls are not sent.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoezanContactUpsert))]
[JsonSerializable(typeof(RoezanMessageSend))]
internal sealed partial class RoezanApiRequestJsonContext : JsonSerializerContext;
