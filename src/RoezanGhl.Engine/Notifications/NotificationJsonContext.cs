using System.Text.Json.Serialization;

namespace RoezanGhl.Engine.Notifications;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
