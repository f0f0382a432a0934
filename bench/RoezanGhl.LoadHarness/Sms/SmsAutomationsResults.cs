using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RoezanGhl.LoadHarness.Reporting;

namespace RoezanGhl.LoadHarness.Sms;

/// <summary>
/// Writes the <c>sms_automations</c> figures into results.json and results.md (<see cref="ProfileSection"/>), so the
/// profile can be run alone.
/// </summary>
public static class SmsAutomationsResults
{
    public const string Profile = "sms_automations";

    public static async Task WriteAsync(SmsAutomationsFigures figures, string? jsonPath, string? markdownPath, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var load = await ProfileSection.LoadAverageAsync(cancellationToken).ConfigureAwait(false);
        var node = new JsonObject
        {
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
        await ProfileSection.WriteAsync(Profile, node, Markdown(figures, load), jsonPath, markdownPath, log, cancellationToken).ConfigureAwait(false);
    }

    private static string Markdown(SmsAutomationsFigures figures, string load)
    {
        var text = new StringBuilder();
        text.AppendLine(ProfileSection.Heading(Profile)).AppendLine();
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
