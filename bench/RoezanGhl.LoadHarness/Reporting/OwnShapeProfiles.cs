using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoezanGhl.LoadHarness.Sms;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>
/// Profiles that results.json holds in their own shape, not as a <see cref="ProfileResult"/> (<c>sms_automations</c>,
/// written by <see cref="SmsAutomationsResults"/>, and <c>conversations</c>): <c>--merge-into</c> sets them aside to read the rest, and puts them
/// (and their Markdown section, from the results.md beside the JSON) back into what it writes, so a merge keeps them.
/// </summary>
internal sealed class OwnShapeProfiles
{
    private readonly Dictionary<string, JsonNode> _kept = new(StringComparer.Ordinal);

    /// <summary>The Markdown sections of the profiles set aside (empty when none), to append to the table.</summary>
    public string MarkdownSections { get; private set; } = "";

    public async Task<HarnessReport> ReadWithoutAsync(string path, CancellationToken cancellationToken)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))?.AsObject()
            ?? throw new InvalidDataException($"{path} holds no results.");
        if (root["profiles"] is JsonObject profiles)
        {
            // A profile in its own shape (sms_automations, conversations) has no title, which every ProfileResult has.
            foreach (var key in profiles.Where(pair => pair.Value is JsonObject profile && !profile.ContainsKey("title")).Select(pair => pair.Key).ToList())
            {
                _kept[key] = profiles[key]!;
                profiles.Remove(key);
            }
        }

        var markdown = Path.ChangeExtension(path, ".md");
        if (_kept.Count > 0 && File.Exists(markdown))
        {
            var text = await File.ReadAllTextAsync(markdown, cancellationToken).ConfigureAwait(false);
            var start = _kept.Keys.Select(key => text.IndexOf("## " + key, StringComparison.Ordinal)).Where(at => at >= 0).DefaultIfEmpty(-1).Min();
            MarkdownSections = start < 0 ? "" : Environment.NewLine + Environment.NewLine + text[start..].TrimEnd() + Environment.NewLine;
        }

        return root.Deserialize(ResultsJsonContext.Default.HarnessReport) ?? throw new InvalidDataException($"{path} holds no results.");
    }

    /// <summary><paramref name="json"/> (a serialized report) with the profiles set aside put back.</summary>
    public string PutBack(string json)
    {
        if (_kept.Count == 0)
        {
            return json;
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var profiles = root["profiles"] as JsonObject ?? [];
        foreach (var (key, node) in _kept)
        {
            profiles[key] = node;
        }

        root["profiles"] = profiles;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
