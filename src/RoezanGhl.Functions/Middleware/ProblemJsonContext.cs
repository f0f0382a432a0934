using System.Text.Json.Serialization;

namespace RoezanGhl.Functions.Middleware;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
