using System.Text.Json.Serialization;

namespace RoezanGhl.Sync.Notifications;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
