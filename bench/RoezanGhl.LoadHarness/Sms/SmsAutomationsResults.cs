using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace RoezanGhl.LoadHarness.Sms;

/// <summary>
/// Writes the <c>sms_automations</c> figures into results.json (<c>profiles.sms_automations</c>, the other profiles
/// left as they were) and results.md (its own section, replaced on a re-run), so the profile can be run alone.
/// </summary>
public static class SmsAutomationsResults
{
    public const string Profile = "sms_automations";
    private const string Heading = "## sms_automations";

    public static async Task WriteAsync(SmsAutomationsFigures figures, string? jsonPath, string? markdownPath, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(log);
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken).ConfigureAwait(false)).Split(' ')[0] : "unknown";
        var node = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["scenario"] = figures.Scenario,
            ["triggers"] = figures.Triggers,
            ["sms_sent"] = figures.SmsSent,
            ["sms_sent_twice"] = figures.SmsSentTwice,
            ["sms_to_opted_out"] = figures.SmsToOptedOut,
            ["sms_in_quiet_hours"] = figures.SmsInQuietHours,
            ["roezan_calls_per_sms"] = figures.RoezanCallsPerSms,
            ["contacts_opted_out_before_their_text"] = figures.ContactsOptedOutBeforeTheirText,
            ["load_average"] = load,
        };
        if (jsonPath is not null)
        {
            var root = File.Exists(jsonPath) ? JsonNode.Parse(await File.ReadAllTextAsync(jsonPath, cancellationToken).ConfigureAwait(false))!.AsObject() : [];
            var profiles = root["profiles"] as JsonObject ?? [];
            profiles[Profile] = node;
            root["profiles"] = profiles;
            await File.WriteAllTextAsync(jsonPath, root.ToJsonString(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        }

        var section = Markdown(figures, load);
        if (markdownPath is not null)
        {
            var existing = File.Exists(markdownPath) ? await File.ReadAllTextAsync(markdownPath, cancellationToken).ConfigureAwait(false) : "";
            var at = existing.IndexOf(Heading, StringComparison.Ordinal);
            var kept = at < 0 ? existing.TrimEnd() : existing[..at].TrimEnd();
            await File.WriteAllTextAsync(markdownPath, kept + Environment.NewLine + Environment.NewLine + section, cancellationToken).ConfigureAwait(false);
        }

        await log.WriteLineAsync(section).ConfigureAwait(false);
    }

    private static string Markdown(SmsAutomationsFigures figures, string load)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(figures.Scenario + $" (load average {load}; counts only, no timings).").AppendLine();
        text.AppendLine("| figure | value | target |").AppendLine("| --- | --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| triggers | {figures.Triggers} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| sms_sent | {figures.SmsSent} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| sms_sent_twice | {figures.SmsSentTwice} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| sms_to_opted_out | {figures.SmsToOptedOut} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| sms_in_quiet_hours | {figures.SmsInQuietHours} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| roezan_calls_per_sms | {figures.RoezanCallsPerSms} | |");
        return text.ToString();
    }
}
