using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RoezanGhl.Cli.Configuration;

/// <summary>
/// The app's <c>local.settings.json</c>: its <c>Values</c> are the settings <c>func start</c> gives the app, with
/// <c>__</c> standing for the section separator (<c>Sync__EventsQueue</c> is <c>Sync:EventsQueue</c>). Found at the
/// path given, else in the current folder or a parent of it, at the repository root or next to the function
/// project (<c>src/RoezanGhl.Functions</c>).
/// </summary>
internal static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    private static readonly string[] FunctionProjectFolder = ["src", "RoezanGhl.Functions"];

    /// <summary>The file to read, or null when there is none (then only environment variables count).</summary>
    public static string? Find(string? explicitPath, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath, workingDirectory);
            return File.Exists(full) ? full : throw new CliException($"the settings file '{full}' does not exist");
        }

        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            var here = Path.Combine(folder.FullName, FileName);
            if (File.Exists(here))
            {
                return here;
            }

            var nextToProject = Path.Combine([folder.FullName, .. FunctionProjectFolder, FileName]);
            if (File.Exists(nextToProject))
            {
                return nextToProject;
            }
        }

        return null;
    }

    /// <summary>The <c>Values</c> as configuration keys.</summary>
    public static Dictionary<string, string?> ReadValues(string path)
    {
        using var document = ParseFile(path);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!document.RootElement.TryGetProperty("Values", out var settings) || settings.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var setting in settings.EnumerateObject())
        {
            var key = setting.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            values[key] = setting.Value.ValueKind switch
            {
                JsonValueKind.String => setting.Value.GetString(),
                JsonValueKind.Null => null,
                _ => setting.Value.GetRawText(),
            };
        }

        return values;
    }

    private static JsonDocument ParseFile(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new CliException($"'{path}' is not valid JSON (line {exception.LineNumber + 1}): fix or remove it");
        }
    }
}
