using System.Text.Json;
using Json.Schema;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>The two published GHL schemas, evaluated with JsonSchema.Net (formats enforced).</summary>
internal static class GhlWebhookSchemas
{
    public static readonly string WebhookPath = RepositoryRoot.Combine("src", "RoezanGhl.Core", "GhlWebhooks", "ghl-webhook.schema.json");
    public static readonly string ProviderPath = RepositoryRoot.Combine("src", "RoezanGhl.Core", "GhlWebhooks", "ghl-provider-outbound-message.schema.json");

    private static readonly Lazy<JsonSchema> WebhookSchema = new(() => JsonSchema.FromText(File.ReadAllText(WebhookPath)));
    private static readonly Lazy<JsonSchema> ProviderSchema = new(() => JsonSchema.FromText(File.ReadAllText(ProviderPath)));
    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    public static JsonSchema Webhook => WebhookSchema.Value;

    public static JsonSchema ProviderOutboundMessage => ProviderSchema.Value;

    public static bool Accepts(JsonSchema schema, string body, out string errors)
    {
        using var document = JsonDocument.Parse(body);
        var result = schema.Evaluate(document.RootElement, Options);
        errors = string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        return result.IsValid;
    }
}
