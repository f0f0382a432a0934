using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// A configuration as JSON and back. Reading names what is wrong with the path of the entry it concerns
/// (<c>Mapping:tagMode</c>), in the same form as the start validator's problems, so that the console shows a JSON
/// problem next to its field like any other.
/// </summary>
public static partial class AccountConfigurationJson
{
    public static BinaryData Write(AccountConfiguration configuration) =>
        BinaryData.FromObjectAsJson(configuration ?? throw new ArgumentNullException(nameof(configuration)), ConfigurationJsonContext.Default.AccountConfiguration);

    public static string WriteString(AccountConfiguration configuration) => Write(configuration).ToString();

    public static bool TryRead(BinaryData json, [NotNullWhen(true)] out AccountConfiguration? configuration, out ConfigurationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        problem = null;
        try
        {
            configuration = JsonSerializer.Deserialize(json, ConfigurationJsonContext.Default.AccountConfiguration);
        }
        catch (JsonException exception)
        {
            configuration = null;
            problem = new ConfigurationProblem(PathOf(exception.Path), FirstSentence(exception.Message));
            return false;
        }

        if (configuration is null)
        {
            problem = new ConfigurationProblem(string.Empty, "must be a JSON object with preset, flows and mapping.");
            return false;
        }

        configuration.Mapping ??= new AccountMapping();
        return true;
    }

    /// <summary>The Presets and SMS templates screen's edit, read as strictly as a configuration (problem paths like <c>Automations:2:message</c>).</summary>
    public static bool TryReadEdit(BinaryData json, [NotNullWhen(true)] out AutomationSettingsEdit? edit, out ConfigurationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            edit = JsonSerializer.Deserialize(json, ConfigurationJsonContext.Default.AutomationSettingsEdit);
        }
        catch (JsonException exception)
        {
            edit = null;
            var path = PathOf(exception.Path);
            problem = new ConfigurationProblem(path.Length > 0 ? char.ToUpperInvariant(path[0]) + path[1..] : path, FirstSentence(exception.Message));
            return false;
        }

        problem = edit is null ? new ConfigurationProblem(string.Empty, "must be a JSON object with preset, flows, sendingHours and automations.") : null;
        return edit is not null;
    }

    /// <summary>"$.mapping.customFields['plan'].id" → "Mapping:customFields:plan:id" (the start validator's spelling).</summary>
    private static string PathOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath))
        {
            return string.Empty;
        }

        var path = ArrayIndex().Replace(jsonPath.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal), ".$1").Replace('.', ':');
        return path.StartsWith("mapping", StringComparison.Ordinal) ? "Mapping" + path["mapping".Length..]
            : path.StartsWith("flows", StringComparison.Ordinal) ? "Flows" + path["flows".Length..]
            : path.StartsWith("preset", StringComparison.Ordinal) ? "Preset" + path["preset".Length..]
            : path;
    }

    // System.Text.Json appends the path and position, which the problem carries already.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayIndex();
}
