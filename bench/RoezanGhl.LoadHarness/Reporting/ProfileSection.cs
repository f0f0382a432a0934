using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>
/// Writes a profile that runs on its own (its own app and figures, no baseline) into results.json
/// (<c>profiles.{profile}</c>, the other profiles left as they were) and results.md (its own <c>## {profile}</c>
/// section, replaced on a re-run), so it can be run alone and merged into the earlier results.
/// </summary>
public static class ProfileSection
{
    /// <summary>The machine's 1-minute load average now (the machine is shared: timings are read beside it).</summary>
    public static async Task<string> LoadAverageAsync(CancellationToken cancellationToken) =>
        File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken).ConfigureAwait(false)).Split(' ')[0] : "unknown";

    /// <summary>Stores <paramref name="node"/> (stamped with the time) and <paramref name="section"/>, which starts with <see cref="Heading"/>.</summary>
    public static async Task WriteAsync(string profile, JsonObject node, string section, string? jsonPath, string? markdownPath, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(log);
        node.Insert(0, "generated_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        if (jsonPath is not null)
        {
            var root = File.Exists(jsonPath) ? JsonNode.Parse(await File.ReadAllTextAsync(jsonPath, cancellationToken).ConfigureAwait(false))!.AsObject() : [];
            var profiles = root["profiles"] as JsonObject ?? [];
            profiles[profile] = node;
            root["profiles"] = profiles;
            var json = AsciiOnly(root.ToJsonString(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            await File.WriteAllTextAsync(jsonPath, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        }

        if (markdownPath is not null)
        {
            var existing = File.Exists(markdownPath) ? await File.ReadAllTextAsync(markdownPath, cancellationToken).ConfigureAwait(false) : "";
            var at = existing.IndexOf(Heading(profile), StringComparison.Ordinal);
            var next = at < 0 ? -1 : existing.IndexOf("\n## ", at + 1, StringComparison.Ordinal);
            var kept = at < 0 ? existing.TrimEnd() : (existing[..at].TrimEnd() + (next < 0 ? "" : Environment.NewLine + Environment.NewLine + existing[(next + 1)..].TrimEnd())).TrimEnd();
            await File.WriteAllTextAsync(markdownPath, kept + Environment.NewLine + Environment.NewLine + section, cancellationToken).ConfigureAwait(false);
        }

        await log.WriteLineAsync(section).ConfigureAwait(false);
    }

    public static string Heading(string profile) => "## " + profile;

    // As the harness's own report writes it ("+" as is, "×" as \u00D7), so a merge leaves the other profiles' bytes alone.
    // Outside strings JSON is ASCII, so escaping every other character is safe.
    private static string AsciiOnly(string json)
    {
        var text = new StringBuilder(json.Length);
        foreach (var c in json)
        {
            _ = c < 0x80 ? text.Append(c) : text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return text.ToString();
    }
}
