using System.Text.Json.Serialization;

namespace RoezanGhl.Credentials.Tokens;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GhlOAuthTokenSet))]
[JsonSerializable(typeof(GhlTokenEndpointResponse))]
internal sealed partial class GhlTokenJsonContext : JsonSerializerContext;
