using System.Globalization;
using System.Runtime.InteropServices;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.LoadHarness.Baseline;
using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.LoadHarness.Ours;
using RoezanGhl.LoadHarness.Reporting;
using RoezanGhl.LoadHarness.TwoWay;
using RoezanGhl.LoadHarness.Workload;
using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.LoadHarness;

/// <summary>
/// Runs every selected profile against every selected system, one run at a time, against one in-process GHL
/// simulator with GHL's real limits (100 requests / 10 s and 200,000 a day per location), reset and seeded
/// with the same world before each run, and the same seeded events offered to each system.
/// </summary>
public static class LoadHarnessRunner
{
    public const string Ours = "ours";
    public const string Baseline = "baseline";

    private static readonly TimeSpan WarmUpDuration = TimeSpan.FromSeconds(3);

    public static async Task<HarnessReport> RunAsync(HarnessOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var ingest = options.IngestReportPath is { Length: > 0 } path ? IngestFigures.Read(path) : null;
        var loadAtStart = LoadAverage();
        await using var simulator = await GhlSimulatorHost.StartAsync(RealLimits()).ConfigureAwait(false);

        // A few seconds of steady load through each system first, not recorded: the first events of a fresh
        // process pay for JIT compilation and connection set-up that a running app has long paid.
        var warmUp = new LoadProfile("warm-up", "Warm-up", 1, options.SteadyFactor, WarmUpDuration);
        foreach (var system in options.WarmUp ? options.Systems : [])
        {
            await RunOnceAsync(simulator, warmUp, system, options with { DrainLimit = TimeSpan.FromSeconds(60) }, null, log, cancellationToken).ConfigureAwait(false);
        }

        var profiles = new Dictionary<string, ProfileResult>(StringComparer.Ordinal);
        foreach (var profile in options.SelectedProfiles())
        {
            if (profile.Key == LoadProfile.TwoWay)
            {
                // Both directions at once: its own app, both simulators and figures (TwoWay/TwoWayRun.cs).
                var twoWay = await TwoWayRun.RunAsync(options, LoadAverage, log, cancellationToken).ConfigureAwait(false);
                profiles[profile.Key] = new ProfileResult { Title = profile.Title, Locations = 1, LimitFactor = 0, LoadSeconds = profile.Duration.TotalSeconds, OfferedEventsPerSecondPerLocation = options.TwoWayChangesPerSecond, TwoWay = twoWay };
                continue;
            }

            var result = new ProfileResult
            {
                Title = profile.Title,
                Locations = profile.Locations,
                LimitFactor = profile.LimitFactor,
                LoadSeconds = profile.Duration.TotalSeconds,
                OfferedEventsPerSecondPerLocation = Math.Round(profile.EventsPerSecondPerLocation, 2),
            };
            foreach (var system in options.Systems)
            {
                var summary = await RunOnceAsync(simulator, profile, system, options, system == Ours ? ingest : null, log, cancellationToken).ConfigureAwait(false);
                if (system == Ours)
                {
                    result.Ours = summary;
                }
                else
                {
                    result.Baseline = summary;
                }
            }

            profiles[profile.Key] = result;
        }

        return new HarnessReport
        {
            GeneratedAt = DateTimeOffset.UtcNow,
            Machine = $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}",
            LoadAverage = $"{loadAtStart} at the start, {LoadAverage()} at the end",
            Seed = options.Seed,
            GhlLimit = $"{LoadProfile.BudgetPerInterval} requests / {LoadProfile.Interval.TotalSeconds:0} s and 200,000 / day per location",
            Mix = EventMix.Shares.ToDictionary(share => share.Kind.ToString(), share => share.Share, StringComparer.Ordinal),
            Settings = options.Settings.Count == 0 ? null : options.Settings,
            Ingest = ingest,
            Profiles = profiles,
            Targets = TargetEvaluation.Evaluate(profiles, ingest),
        };
    }

    /// <summary>GHL as it is: the burst and daily limits with their headers, duplicates blocked, tokens per location, no faults.</summary>
    public static SimulatorSettings RealLimits() => new()
    {
        RateLimitMax = LoadProfile.BudgetPerInterval,
        RateLimitIntervalMs = (int)LoadProfile.Interval.TotalMilliseconds,
        DailyLimit = 200_000,
        RecordInMemory = false,
        Tokens = HarnessLocation.All.ToDictionary(location => location.Token, location => location.LocationId, StringComparer.Ordinal),
    };

    private static async Task<SystemResult> RunOnceAsync(GhlSimulatorHost simulator, LoadProfile profile, string systemKey, HarnessOptions options, IngestFigures? ingest, TextWriter log, CancellationToken cancellationToken)
    {
        simulator.State.Settings = RealLimits();
        simulator.State.Reset();
        var runDay = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1);
        var world = SeededWorld.Create(profile.HarnessLocations, EventScript.KnownContactsFor(profile), runDay);
        world.SeedSimulator(simulator.State);
        var script = EventScript.Build(profile, world, options.Seed, runDay);
        var clock = new RunClock(TimeProvider.System);
        var timeline = new EventTimeline(script, clock);
        var diagnostics = new DiagnosticsLog();
        using var processing = new ProcessingProfile();
        var context = new RunContext(simulator, profile, world, timeline, options, diagnostics) { Processing = systemKey == Ours ? processing : null, Trace = systemKey == Ours ? new PacingTrace(clock) : null, Health = systemKey == Ours ? new HealthSampler(clock) : null };
        var drainLimit = options.DrainLimit ?? DrainLimitFor(profile, script.Count);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{profile.Key}/{systemKey}] {script.Count} events over {profile.Duration.TotalSeconds:0.#} s on {profile.Locations} location(s), {world.All.Count()} known contacts; drain limit {drainLimit.TotalSeconds:0} s")).ConfigureAwait(false);

        await using ISystemUnderLoad system = systemKey switch
        {
            Ours => new OursSystem(),
            Baseline => new N8nStyleBaseline(),
            _ => throw new ArgumentException($"Unknown system '{systemKey}' (ours, baseline).", nameof(systemKey)),
        };
        await system.PrepareAsync(context, cancellationToken).ConfigureAwait(false);

        double loadEndMs;
        double peakMb;
        await using (var sampler = WorkingSetSampler.Start())
        {
            simulator.State.Counters.Reset(clock.Restart());
            processing.StartCounting();
            await system.StartAsync(cancellationToken).ConfigureAwait(false);
            var deliveries = new List<Task>(script.Count);
            foreach (var scripted in script)
            {
                var wait = scripted.OffsetMs - clock.NowMs;
                if (wait > 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
                }

                // Open loop: events arrive on schedule whether or not the system keeps up.
                deliveries.Add(Task.Run(() => system.DeliverAsync(scripted, cancellationToken), cancellationToken));
            }

            await Task.WhenAll(deliveries).ConfigureAwait(false);
            loadEndMs = clock.NowMs;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{profile.Key}/{systemKey}] load done at {loadEndMs / 1000:0.0} s ({timeline.Accepted} accepted, {timeline.Rejected} refused, {timeline.Settled} settled); draining")).ConfigureAwait(false);
            await system.DrainAsync(drainLimit, cancellationToken).ConfigureAwait(false);
            peakMb = sampler.PeakMegabytes;
        }

        var counters = simulator.State.Counters.Snapshot();
        var audit = GhlStateAudit.Audit(simulator.State, script, profile.HarnessLocations);
        var result = RunSummary.Summarize(profile, timeline, audit, counters, peakMb, loadEndMs, systemKey == Ours ? diagnostics : null, ingest);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{profile.Key}/{systemKey}] {result.AppliedEvents}/{result.Events} applied, {result.LostEvents} lost, {result.DuplicateWrites} duplicates, {result.GhlCallsPerEvent:0.00} calls/event, utilization {result.GhlBudgetUtilization:0.000}, 429 ratio {result.Ghl429Ratio:0.0000}, p50 {result.E2eLatencyP50Ms:0} ms, p99 {result.E2eLatencyP99Ms:0} ms, {result.EventsPerSecond:0.00} events/s, drained in {result.DrainSeconds:0.0} s")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{profile.Key}/{systemKey}] GHL calls by route: {string.Join(", ", (result.GhlCallsByRoute ?? new Dictionary<string, int>()).Select(pair => $"{pair.Key} {pair.Value}"))}; load average {LoadAverage()}")).ConfigureAwait(false);
        if (context.Processing is not null)
        {
            await log.WriteLineAsync($"[{profile.Key}/{systemKey}] {context.Processing.Describe(script.Count)}").ConfigureAwait(false);
            await log.WriteLineAsync($"[{profile.Key}/{systemKey}] {context.Processing.DescribeStorage(script.Count)}").ConfigureAwait(false);
        }

        if (context.Trace is not null)
        {
            var accounts = profile.HarnessLocations.ToDictionary(location => location.LocationId, location => location.AccountId, StringComparer.Ordinal);
            foreach (var line in context.Trace.Describe(counters, accounts, context.Health))
            {
                await log.WriteLineAsync($"[{profile.Key}/{systemKey}] {line}").ConfigureAwait(false);
            }
        }

        return result;
    }

    // Linux only; elsewhere "n/a".
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    // Twice what GHL's limit needs for the events at our planner's calls per event, plus a minute.
    private static TimeSpan DrainLimitFor(LoadProfile profile, int events)
    {
        var callsPerLocation = events / (double)profile.Locations * EventMix.ExpectedCallsPerEvent;
        var seconds = callsPerLocation / (LoadProfile.BudgetPerInterval / LoadProfile.Interval.TotalSeconds);
        return TimeSpan.FromSeconds((seconds * 2) + 60);
    }
}
