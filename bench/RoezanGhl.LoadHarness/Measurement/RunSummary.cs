using RoezanGhl.GhlSimulator.State;
using RoezanGhl.LoadHarness.Reporting;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>Turns one run's timeline, the simulator's counters and the audit into the figures of <see cref="SystemResult"/>.</summary>
public static class RunSummary
{
    public static SystemResult Summarize(
        LoadProfile profile,
        EventTimeline timeline,
        AuditResult audit,
        CountersSnapshot counters,
        double peakWorkingSetMb,
        double loadEndMs,
        DiagnosticsLog? diagnostics,
        IngestFigures? ingest)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(counters);

        var events = timeline.Events;
        var locations = profile.HarnessLocations;
        var requests = locations.Sum(location => Timeline(counters, location).Count);
        var throttled = locations.Sum(location => Timeline(counters, location).Count(entry => entry.Status == 429));

        // Latency over the events GHL shows applied and the system says it finished.
        var latencies = Latencies(events, audit);
        var quiet = profile.WithQuietLocation ? events.Where(e => e.Scripted.Location == HarnessLocation.Quiet).ToList() : null;

        var firstAccepted = events.Where(e => e.AcceptedMs is not null).Select(e => e.AcceptedMs!.Value).DefaultIfEmpty(0).Min();
        var lastSettled = events.Where(e => e.SettledMs is not null).Select(e => e.SettledMs!.Value).DefaultIfEmpty(loadEndMs).Max();
        var lastApplied = events.Where(e => audit.Applied.Contains(e.Scripted.EventId) && e.SettledMs is not null).Select(e => e.SettledMs!.Value).DefaultIfEmpty(firstAccepted).Max();

        var utilization = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var perWindow = new SortedDictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var throttledShare = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            var answers = Timeline(counters, location);
            throttledShare[location.LocationId] = answers.Count == 0 ? 0 : Round(answers.Count(entry => entry.Status == 429) / (double)answers.Count, 4);
            if (!profile.LoadedLocations.Contains(location))
            {
                continue;
            }

            var own = events.Where(e => e.Scripted.Location == location).ToList();
            var start = own.Where(e => e.AcceptedMs is not null).Select(e => e.AcceptedMs!.Value).DefaultIfEmpty(0).Min();
            var end = own.Where(e => e.SettledMs is not null).Select(e => e.SettledMs!.Value).DefaultIfEmpty(loadEndMs).Max();
            perWindow[location.LocationId] = CountedPerWindow(Timeline(counters, location), start, end);
            utilization[location.LocationId] = Round(BudgetUtilization.Compute(Timeline(counters, location), start, end, LoadProfile.BudgetPerInterval, LoadProfile.Interval.TotalMilliseconds), 3);
        }

        var applied = audit.Applied.Count;
        var activeSeconds = (lastApplied - firstAccepted) / 1000;
        return new SystemResult
        {
            Events = events.Count,
            LostEvents = audit.Lost.Count,
            DuplicateWrites = audit.DuplicateWrites,
            FieldsLost = audit.FieldsLost,
            GhlCallsPerEvent = events.Count == 0 ? 0 : Round((double)requests / events.Count, 3),
            GhlBudgetUtilization = utilization.Count == 0 ? 0 : utilization.Values.Min(),
            Ghl429Ratio = requests == 0 ? 0 : Round((double)throttled / requests, 4),
            Ghl429RatioByLocation = throttledShare,
            QuietLocationLatencyP99Ms = quiet is null ? null : Percentile(Latencies(quiet, audit), 0.99),
            QuietLocationEvents = quiet?.Count,
            E2eLatencyP50Ms = Percentile(latencies, 0.50),
            E2eLatencyP99Ms = Percentile(latencies, 0.99),
            EventsPerSecond = activeSeconds <= 0 ? 0 : Round(applied / activeSeconds, 2),
            PeakWorkingSetMb = Round(peakWorkingSetMb, 1),
            IngestMicrosecondsPerEvent = ingest is null ? null : Round(ingest.MicrosecondsPerEvent, 2),
            IngestBytesPerEvent = ingest is null || double.IsNaN(ingest.BytesPerEvent) ? null : Round(ingest.BytesPerEvent, 0),
            AppliedEvents = applied,
            GhlRequests = requests,
            Ghl429 = throttled,
            GhlBudgetUtilizationByLocation = utilization,
            GhlCountedPer10sByLocation = perWindow,
            DuplicateContacts = audit.DuplicateContacts,
            DuplicateNotes = audit.DuplicateNotes,
            DuplicateTasks = audit.DuplicateTasks,
            BusySeconds = Round((lastSettled - firstAccepted) / 1000, 1),
            DrainSeconds = Round(Math.Max(0, lastSettled - loadEndMs) / 1000, 1),
            Outcomes = new SortedDictionary<string, int>(
                events.GroupBy(e => Simplify(e.Outcome)).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal),
            UnmatchedEnds = timeline.Unknown,
            GhlCallsByRoute = new SortedDictionary<string, int>(counters.ByRoute.ToDictionary(pair => pair.Key, pair => (int)pair.Value, StringComparer.Ordinal), StringComparer.Ordinal),
            LogCounts = diagnostics?.Counts,
            FirstErrors = diagnostics is { FirstErrors.Count: > 0 } ? diagnostics.FirstErrors : null,
            LostEventIds = [.. audit.Lost.Take(20)],
        };
    }

    private static List<double> Latencies(IEnumerable<EventTiming> events, AuditResult audit) =>
    [
        .. events
            .Where(e => audit.Applied.Contains(e.Scripted.EventId) && e.AcceptedMs is not null && e.SettledMs is not null)
            .Select(e => Math.Max(0, e.SettledMs!.Value - e.AcceptedMs!.Value))
            .Order(),
    ];

    /// <summary>Nearest-rank percentile of sorted values, rounded to 0.1 ms; null for none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Count);
        return Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }

    private static List<int> CountedPerWindow(IReadOnlyList<TimelineEntry> timeline, double startMs, double endMs)
    {
        var windowMs = LoadProfile.Interval.TotalMilliseconds;
        var counts = new int[Math.Max(1, (int)Math.Ceiling((endMs - startMs) / windowMs))];
        foreach (var entry in timeline.Where(entry => entry.Status is not (429 or 0) && entry.AtMs >= startMs && entry.AtMs <= endMs))
        {
            counts[Math.Min(counts.Length - 1, (int)((entry.AtMs - startMs) / windowMs))]++;
        }

        return [.. counts];
    }

    private static IReadOnlyList<TimelineEntry> Timeline(CountersSnapshot counters, HarnessLocation location) =>
        counters.Timelines.GetValueOrDefault(location.LocationId) ?? [];

    // "Failed: POST /contacts/upsert/ answered 429" and the like are grouped by their first words.
    private static string Simplify(string? outcome) => outcome switch
    {
        null => "never settled",
        _ when outcome.StartsWith("Failed: ", StringComparison.Ordinal) => outcome,
        _ when outcome.StartsWith("not accepted", StringComparison.Ordinal) => "not accepted",
        _ => outcome,
    };

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
