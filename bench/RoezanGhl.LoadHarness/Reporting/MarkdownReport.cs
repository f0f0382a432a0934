using System.Globalization;
using System.Text;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>bench/results.md: one table with ours and the baseline side by side per profile, and the targets.</summary>
public static class MarkdownReport
{
    private static readonly (string Key, Func<SystemResult, double?> Value, string Format)[] Rows =
    [
        ("events", r => r.Events, "0"),
        ("lost_events", r => r.LostEvents, "0"),
        ("duplicate_writes", r => r.DuplicateWrites, "0"),
        ("ghl_calls_per_event", r => r.GhlCallsPerEvent, "0.00"),
        ("fields_lost", r => r.FieldsLost, "0"),
        ("ghl_budget_utilization", r => r.GhlBudgetUtilization, "0.000"),
        ("ghl_429_ratio", r => r.Ghl429Ratio, "0.0000"),
        ("ghl_429_ratio (worst location)", r => r.Ghl429RatioByLocation.Count == 0 ? null : r.Ghl429RatioByLocation.Values.Max(), "0.0000"),
        ("e2e_latency_p50_ms", r => r.E2eLatencyP50Ms, "0"),
        ("e2e_latency_p99_ms", r => r.E2eLatencyP99Ms, "0"),
        ("quiet_location_latency_p99_ms", r => r.QuietLocationLatencyP99Ms, "0"),
        ("events_per_second", r => r.EventsPerSecond, "0.00"),
        ("peak_working_set_mb", r => r.PeakWorkingSetMb, "0"),
        ("ingest_us_per_event", r => r.IngestMicrosecondsPerEvent, "0.00"),
        ("ingest_bytes_per_event", r => r.IngestBytesPerEvent, "0"),
        ("drain_seconds", r => r.DrainSeconds, "0.0"),
    ];

    public static string Write(HarnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Load harness run of {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC on {report.Machine} (load average {report.LoadAverage}); GHL limit {report.GhlLimit}; seed {report.Seed}.");
        if (report.EarlierProfiles is { } earlier)
        {
            text.AppendLine().AppendLine(culture, $"Merged into an earlier results file: {earlier}.");
        }

        text.AppendLine();
        foreach (var (key, profile) in report.Profiles)
        {
            text.AppendLine(culture, $"- **{key}**: {profile.Title} ({profile.OfferedEventsPerSecondPerLocation:0.0} events/s per location offered).");
        }

        text.AppendLine();
        var columns = report.Profiles.SelectMany(profile => new[] { (profile.Key, "ours", profile.Value.Ours), (profile.Key, "baseline", profile.Value.Baseline) })
            .Where(column => column.Item3 is not null)
            .ToList();
        text.Append("| metric |");
        foreach (var (profile, system, _) in columns)
        {
            text.Append(culture, $" {profile} {system} |");
        }

        text.AppendLine().Append("| --- |");
        foreach (var _ in columns)
        {
            text.Append(" ---: |");
        }

        text.AppendLine();
        foreach (var (key, value, format) in Rows)
        {
            text.Append(culture, $"| `{key}` |");
            foreach (var (_, _, result) in columns)
            {
                var cell = value(result!) is { } number ? number.ToString(format, culture) : "–";
                text.Append(culture, $" {cell} |");
            }

            text.AppendLine();
        }

        TwoWaySection(text, report);
        text.AppendLine();
        text.AppendLine("| target (ours) | profile | value | met |");
        text.AppendLine("| --- | --- | ---: | --- |");
        foreach (var target in report.Targets)
        {
            var met = target.Met switch { true => "yes", false => "**missed**", null => "not measured" };
            var value = target.Value?.ToString("0.###", culture) ?? "–";
            text.AppendLine(culture, $"| {target.Target} | {target.Profile ?? "–"} | {value} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>The <c>two_way</c> profile's own figures (they are not those of the one-way table).</summary>
    private static void TwoWaySection(StringBuilder text, HarnessReport report)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var (key, profile) in report.Profiles)
        {
            if (profile.TwoWay is not { } r)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine(culture, $"**{key}** (ours; measured {r.MeasuredAt:yyyy-MM-dd HH:mm} UTC, load average {r.LoadAverage}):");
            text.AppendLine();
            text.AppendLine("| metric | value |");
            text.AppendLine("| --- | ---: |");
            foreach (var (name, value) in new (string, string)[]
            {
                ("events", r.Events.ToString(culture)), ("lost_events", r.LostEvents.ToString(culture)), ("duplicate_writes", r.DuplicateWrites.ToString(culture)),
                ("echo_writes", r.EchoWrites.ToString(culture)), ("conflicts_recorded", r.ConflictsRecorded.ToString(culture)), ("both_sides_edits", r.BothSidesEdits.ToString(culture)),
                ("ghl_calls_per_event", r.GhlCallsPerEvent.ToString("0.00", culture)), ("roezan_calls_per_event", r.RoezanCallsPerEvent.ToString("0.00", culture)),
                ("e2e_latency_p50_ms", r.E2eLatencyP50Ms.ToString("0", culture)), ("e2e_latency_p99_ms", r.E2eLatencyP99Ms.ToString("0", culture)),
            })
            {
                text.AppendLine(culture, $"| `{name}` | {value} |");
            }
        }
    }
}
