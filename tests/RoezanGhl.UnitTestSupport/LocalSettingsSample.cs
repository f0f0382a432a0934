using System.Text.Json;

namespace RoezanGhl.TestSupport;

/// <summary>
/// The <c>Values</c> of the repository's <c>local.settings.sample.json</c> as the app's configuration sees them:
/// <c>Ghl__BaseUrl</c> becomes <c>Ghl:BaseUrl</c>, as the Functions host and the CLI turn environment variables
/// into settings. Tests that build the app start from these, so they use the keys a developer's app reads.
/// </summary>
public static class LocalSettingsSample
{
    public static string Path => RepositoryRoot.Combine("local.settings.sample.json");

    public static Dictionary<string, string?> Values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(
                setting => setting.Name.Replace("__", ":", StringComparison.Ordinal),
                setting => setting.Value.ValueKind == JsonValueKind.Null ? null : setting.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
    }
}
