using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Settings;

/// <summary>
/// The keys of <c>local.settings.sample.json</c>'s <c>Values</c>: the list of settings the app reads,
/// kept by every area. The template must set each of them in Azure except the local-only ones.
/// </summary>
public sealed class LocalSettingsSample
{
    /// <summary>
    /// Settings that exist only for local runs. Flex Consumption takes the worker runtime from
    /// functionAppConfig.runtime, and in Azure the storage connection is identity-based
    /// (AzureWebJobsStorage__*), never a connection string. OTLP is for a local dashboard; in Azure telemetry goes to
    /// Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING, which the template sets).
    /// </summary>
    public static readonly IReadOnlySet<string> LocalOnlyKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "FUNCTIONS_WORKER_RUNTIME",
        "AzureWebJobsStorage",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    };

    /// <summary>
    /// Per-account and per-secret entries: in Azure accounts come from the template's <c>accounts</c>
    /// parameter and secrets from Key Vault, so the sample's demo entries have no fixed counterpart.
    /// </summary>
    public static readonly IReadOnlyList<string> AccountConfigurationPrefixes = ["Roezan__Accounts__", "Secrets__"];

    public LocalSettingsSample(IEnumerable<string> keys) => Keys = keys.ToList();

    public IReadOnlyList<string> Keys { get; }

    /// <summary>The settings the template must set.</summary>
    public IEnumerable<string> AppKeys =>
        Keys.Where(key => !LocalOnlyKeys.Contains(key)
            && !AccountConfigurationPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)));

    public static LocalSettingsSample Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new FormatException($"{path} is not a JSON object.");
        var values = root["Values"] as JsonObject ?? throw new FormatException($"{path} has no Values object.");
        return new LocalSettingsSample(values.Select(p => p.Key));
    }
}
