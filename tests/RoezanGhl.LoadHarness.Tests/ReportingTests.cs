using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.LoadHarness.Reporting;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class ReportingTests
{
    [Fact]
    public void The_99th_percentile_of_a_hundred_values_is_the_99th()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.Equal(99, RunSummary.Percentile(values, 0.99));
        Assert.Equal(50, RunSummary.Percentile(values, 0.50));
        Assert.Null(RunSummary.Percentile([], 0.99));
    }

    [Fact]
    public void Targets_are_missed_when_ours_loses_an_event_or_the_burst_uses_too_little_budget()
    {
        var profiles = new Dictionary<string, ProfileResult>
        {
            [LoadProfile.Burst] = Profile(Result(lost: 1, utilization: 0.9, ratio: 0.0, p99: 90_000)),
            [LoadProfile.Steady] = Profile(Result(lost: 0, utilization: 0.5, ratio: 0.0, p99: 400)),
        };

        var targets = TargetEvaluation.Evaluate(profiles, new IngestFigures(25, 5000, "test"));

        Assert.False(targets.Single(t => t.Profile == LoadProfile.Burst && t.Target == "zero lost events").Met);
        Assert.False(targets.Single(t => t.Profile == LoadProfile.Burst && t.Target.StartsWith("GHL budget", StringComparison.Ordinal)).Met);
        Assert.True(targets.Single(t => t.Profile == LoadProfile.Burst && t.Target.StartsWith("429", StringComparison.Ordinal)).Met);
        Assert.True(targets.Single(t => t.Profile == LoadProfile.Steady && t.Target.StartsWith("p99", StringComparison.Ordinal)).Met);
        Assert.False(targets.Single(t => t.Target.StartsWith("ingest", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void A_multi_location_burst_misses_its_targets_when_one_location_is_throttled_or_the_quiet_one_waits()
    {
        var ours = Result(lost: 0, utilization: 0.96, ratio: 0.005, p99: 30_000) with
        {
            Ghl429RatioByLocation = new Dictionary<string, double> { ["loc-a"] = 0, ["loc-b"] = 0.02 },
            QuietLocationLatencyP99Ms = 2500,
        };

        var targets = TargetEvaluation.Evaluate(new Dictionary<string, ProfileResult> { [LoadProfile.FiveLocationBurst] = Profile(ours) }, null)
            .Where(t => t.Profile == LoadProfile.FiveLocationBurst)
            .ToDictionary(t => t.Target, t => t.Met);

        Assert.True(targets["each location's budget utilization >= 0.95"]);
        Assert.False(targets["each location's 429 ratio <= 0.01"]);
        Assert.False(targets["quiet location p99 latency <= 2000 ms"]);
    }

    [Fact]
    public void Without_an_ingest_report_the_ingest_target_is_not_measured()
    {
        var targets = TargetEvaluation.Evaluate(new Dictionary<string, ProfileResult>(), null);

        Assert.Null(Assert.Single(targets).Met);
    }

    [Fact]
    public void The_ingest_figures_come_from_the_benchmark_named_Ingest_in_a_BenchmarkDotNet_report()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"Title":"x","Benchmarks":[
                  {"Method":"VerifyOnly","Statistics":{"Mean":3000.0},"Memory":{"BytesAllocatedPerOperation":0}},
                  {"Method":"Ingest","Statistics":{"Mean":15234.5},"Memory":{"BytesAllocatedPerOperation":5240}}]}
                """);

            var figures = IngestFigures.Read(path);

            Assert.Equal(15.2345, figures.MicrosecondsPerEvent, 4);
            Assert.Equal(5240, figures.BytesPerEvent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_markdown_table_has_a_row_for_every_key_and_a_column_per_system_and_profile()
    {
        var report = new HarnessReport
        {
            GeneratedAt = DateTimeOffset.UnixEpoch,
            Machine = "test",
            Seed = 1,
            GhlLimit = "100 / 10 s",
            Mix = new Dictionary<string, double>(),
            Profiles = new Dictionary<string, ProfileResult> { [LoadProfile.Burst] = Profile(Result(0, 0.97, 0, 1000), Result(300, 1, 0.7, 10)) },
            Targets = [new TargetCheck("zero lost events", LoadProfile.Burst, 0, true)],
        };

        var table = MarkdownReport.Write(report);

        foreach (var key in new[] { "events", "lost_events", "duplicate_writes", "ghl_calls_per_event", "ghl_budget_utilization", "ghl_429_ratio", "e2e_latency_p50_ms", "e2e_latency_p99_ms", "quiet_location_latency_p99_ms", "events_per_second", "peak_working_set_mb", "ingest_us_per_event", "ingest_bytes_per_event" })
        {
            Assert.Contains($"| `{key}` |", table, StringComparison.Ordinal);
        }

        Assert.Contains("| metric | burst ours | burst baseline |", table, StringComparison.Ordinal);
        Assert.Contains("| `lost_events` | 0 | 300 |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_way_run_merged_into_earlier_results_keeps_the_other_profiles_and_is_checked_for_lost_duplicate_and_echo_writes()
    {
        var earlier = new HarnessReport
        {
            GeneratedAt = DateTimeOffset.UnixEpoch,
            Machine = "test",
            Seed = 1,
            GhlLimit = "100 / 10 s",
            Mix = new Dictionary<string, double>(),
            Profiles = new Dictionary<string, ProfileResult> { [LoadProfile.Burst] = Profile(Result(0, 0.97, 0, 1000)) },
            Targets = [],
        };
        var run = earlier with
        {
            Profiles = new Dictionary<string, ProfileResult> { [LoadProfile.TwoWay] = new() { Title = "t", Locations = 1, LimitFactor = 0, LoadSeconds = 50, OfferedEventsPerSecondPerLocation = 20, TwoWay = TwoWay(lost: 3) } },
        };

        var merged = ResultsMerger.Merge(earlier, run);
        var table = MarkdownReport.Write(merged);

        Assert.Equal([LoadProfile.Burst, LoadProfile.TwoWay], merged.Profiles.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(merged.Targets, target => target is { Target: "zero lost events", Profile: LoadProfile.TwoWay, Value: 3, Met: false });
        Assert.Contains(merged.Targets, target => target is { Target: "zero echo writes", Profile: LoadProfile.TwoWay, Met: true });
        Assert.Contains(merged.Targets, target => target is { Target: "zero lost events", Profile: LoadProfile.Burst, Met: true });
        Assert.Contains("| `roezan_calls_per_event` | 0.95 |", table, StringComparison.Ordinal);
        Assert.Contains("load average 1.5 at the start, 2.5 at the end", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_way_run_under_faults_says_so_in_its_title_and_in_a_faults_field()
    {
        var clean = new HarnessOptions { Profiles = [LoadProfile.TwoWay] }.SelectedProfiles().Single();
        var faults = new HarnessOptions { Profiles = [LoadProfile.TwoWay], TwoWayFaults = true }.SelectedProfiles().Single();
        var report = new HarnessReport
        {
            GeneratedAt = DateTimeOffset.UnixEpoch,
            Machine = "test",
            Seed = 1,
            GhlLimit = "100 / 10 s",
            Mix = new Dictionary<string, double>(),
            Profiles = new Dictionary<string, ProfileResult> { [LoadProfile.TwoWay] = new() { Title = faults.Title, Locations = 1, LimitFactor = 0, LoadSeconds = 50, OfferedEventsPerSecondPerLocation = 20, TwoWay = TwoWay(lost: 3) with { Faults = true } } },
            Targets = [],
        };

        Assert.DoesNotContain("FAULTS", clean.Title, StringComparison.Ordinal);
        Assert.Contains("UNDER FAULTS", MarkdownReport.Write(report), StringComparison.Ordinal);
        Assert.Contains("\"faults\":true", System.Text.Json.JsonSerializer.Serialize(report.Profiles[LoadProfile.TwoWay].TwoWay), StringComparison.Ordinal);
        Assert.Contains("\"faults\":false", System.Text.Json.JsonSerializer.Serialize(TwoWay(lost: 3)), StringComparison.Ordinal);
    }

    private static TwoWayResult TwoWay(int lost) => new()
    {
        Events = 1000, LostEvents = lost, DuplicateWrites = 0, EchoWrites = 0, ConflictsRecorded = 40, BothSidesEdits = 90,
        GhlCallsPerEvent = 0.6, RoezanCallsPerEvent = 0.95, E2eLatencyP50Ms = 200, E2eLatencyP99Ms = 900, Contacts = 100,
        ChangesPerSecond = 20, LedgerEntries = 2000, Applied = 1000, SkippedAsEcho = 900, Failed = 0, WallSeconds = 80,
        LoadAverage = "1.5 at the start, 2.5 at the end", MeasuredAt = DateTimeOffset.UnixEpoch,
    };

    private static ProfileResult Profile(SystemResult ours, SystemResult? baseline = null) => new()
    {
        Title = "t",
        Locations = 1,
        LimitFactor = 1,
        LoadSeconds = 1,
        OfferedEventsPerSecondPerLocation = 1,
        Ours = ours,
        Baseline = baseline,
    };

    private static SystemResult Result(int lost, double utilization, double ratio, double p99) => new()
    {
        Events = 1000,
        LostEvents = lost,
        DuplicateWrites = 0,
        GhlCallsPerEvent = 1.2,
        GhlBudgetUtilization = utilization,
        Ghl429Ratio = ratio,
        E2eLatencyP50Ms = p99 / 2,
        E2eLatencyP99Ms = p99,
        EventsPerSecond = 8,
        PeakWorkingSetMb = 150,
        AppliedEvents = 1000 - lost,
        GhlRequests = 1200,
        Ghl429 = 0,
        GhlBudgetUtilizationByLocation = new Dictionary<string, double>(),
        Ghl429RatioByLocation = new Dictionary<string, double>(),
        GhlCountedPer10sByLocation = new Dictionary<string, IReadOnlyList<int>>(),
        DuplicateContacts = 0,
        DuplicateNotes = 0,
        DuplicateTasks = 0,
        BusySeconds = 100,
        DrainSeconds = 70,
        Outcomes = new Dictionary<string, int>(),
        UnmatchedEnds = 0,
        LostEventIds = [],
    };
}
