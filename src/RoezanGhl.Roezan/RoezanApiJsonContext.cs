using System.Text.Json.Serialization;

namespace RoezanGhl.Roezan;

/// <summary>Roezan's integration API speaks snake_case JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RoezanApiContactEnvelope))]
[JsonSerializable(typeof(RoezanApiMessagesEnvelope))]
[JsonSerializable(typeof(RoezanApiMessageEnvelope))]
[JsonSerializable(typeof(RoezanApiErrorBody))]
internal sealed partial class RoezanApiJsonContext : JsonSerializerContext;
