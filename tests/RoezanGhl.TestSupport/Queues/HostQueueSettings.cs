using System.Text.Json;
using System.Xml;

namespace RoezanGhl.TestSupport.Queues;

/// <summary>
/// The <c>extensions.queues</c> settings of the repository's <c>host.json</c>, read the way the Functions
/// host reads them, so that the test pump behaves like the host the app ships with.
/// </summary>
public sealed record HostQueueSettings
{
    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = 8;

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>base64</c> (the host's default) or <c>none</c>.</summary>
    public string MessageEncoding { get; init; } = "base64";

    /// <summary>The repository's root <c>host.json</c>, found by walking up from the test's folder.</summary>
    public static HostQueueSettings FromRepository() => Load(RepositoryRoot.Combine("host.json"));

    public static HostQueueSettings Load(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new HostQueueSettings();
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return settings;
        }

        foreach (var property in queues.EnumerateObject())
        {
            settings = property.Name.ToUpperInvariant() switch
            {
                "BATCHSIZE" => settings with { BatchSize = property.Value.GetInt32() },
                "NEWBATCHTHRESHOLD" => settings with { NewBatchThreshold = property.Value.GetInt32() },
                "MAXDEQUEUECOUNT" => settings with { MaxDequeueCount = property.Value.GetInt32() },
                "VISIBILITYTIMEOUT" => settings with { VisibilityTimeout = ReadTimeSpan(property.Value) },
                "MAXPOLLINGINTERVAL" => settings with { MaxPollingInterval = ReadTimeSpan(property.Value) },
                "MESSAGEENCODING" => settings with { MessageEncoding = property.Value.GetString() ?? "base64" },
                _ => settings,
            };
        }

        return settings;
    }

    // The host accepts "hh:mm:ss" strings (and plain milliseconds for the polling interval).
    private static TimeSpan ReadTimeSpan(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? TimeSpan.FromMilliseconds(value.GetDouble())
        : TimeSpan.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : XmlConvert.ToTimeSpan(value.GetString()!);
}
