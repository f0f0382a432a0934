namespace RoezanGhl.LoadHarness;

/// <summary>What to run and for how long. The defaults are the full run (about ten minutes on two cores).</summary>
public sealed record HarnessOptions
{
    /// <summary>
    /// Profiles to run, in order: <see cref="LoadProfile.Steady"/>, <see cref="LoadProfile.Burst"/>, <see cref="LoadProfile.TwoLocations"/>,
    /// <see cref="LoadProfile.TwoLocationBurst"/>, <see cref="LoadProfile.FiveLocationBurst"/>.
    /// </summary>
    public IReadOnlyList<string> Profiles { get; init; } = AllProfiles;

    public static IReadOnlyList<string> AllProfiles { get; } =
        [LoadProfile.Steady, LoadProfile.Burst, LoadProfile.TwoLocations, LoadProfile.TwoLocationBurst, LoadProfile.FiveLocationBurst];

    /// <summary>
    /// Profiles run only when named (<c>--profiles two_way</c>): <see cref="LoadProfile.TwoWay"/> measures both directions
    /// with its own app and figures, and has no baseline.
    /// </summary>
    public static IReadOnlyList<string> OnRequestProfiles { get; } = [LoadProfile.TwoWay];

    /// <summary>Systems to run each profile against: "ours", "baseline".</summary>
    public IReadOnlyList<string> Systems { get; init; } = ["ours", "baseline"];

    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(60);

    public double SteadyFactor { get; init; } = 0.5;

    public TimeSpan BurstDuration { get; init; } = TimeSpan.FromSeconds(30);

    public double BurstFactor { get; init; } = 10;

    public TimeSpan TwoLocationsDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Load on each of the two locations, as a multiple of its limit: above 1, so that each has work waiting.</summary>
    public double TwoLocationsFactor { get; init; } = 2;

    /// <summary>Load time of the two- and five-location bursts.</summary>
    public TimeSpan MultiBurstDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Load on each location of the two- and five-location bursts, as a multiple of its limit: every location has work
    /// waiting all along (three times what its budget can take), without the hour-long drain ten times would need on two cores.
    /// </summary>
    public double MultiBurstFactor { get; init; } = 3;

    /// <summary>Changes the <c>two_way</c> profile makes on both sides (the issue's ping-pong run: 1,000).</summary>
    public int TwoWayChanges { get; init; } = 1000;

    /// <summary>How fast the <c>two_way</c> profile makes its changes: 10/s keeps GHL's writes (about half the changes) under its 10 requests/s.</summary>
    public double TwoWayChangesPerSecond { get; init; } = 10;

    /// <summary>
    /// Faults on both sides during the <c>two_way</c> load (<see cref="TwoWay.TwoWayFaults"/>): 5xx, ghost writes, 429
    /// storms and both webhook doors answering 429. Off by default, so the figures are the fault-free ones.
    /// </summary>
    public bool TwoWayFaults { get; init; }

    /// <summary>Seed of the event script: the same seed gives the same events to both systems and to every run.</summary>
    public int Seed { get; init; } = 9;

    /// <summary>The longest a run may drain after its load; null sizes it from the events (twice the time GHL's limit needs, plus a minute).</summary>
    public TimeSpan? DrainLimit { get; init; }

    /// <summary>How soon the pump polls an empty queue again (the host backs off to maxPollingInterval; the latency figures leave that out).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>App settings for ours on top of the defaults ("Ghl:RateLimitMaxWait" = "00:00:02"), to try a tuning.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Runs a few seconds of steady load through each system first, unrecorded (JIT, connections).</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>BenchmarkDotNet's JSON report of IngestBenchmark, for ours' ingest figures; none: they are reported as not measured.</summary>
    public string? IngestReportPath { get; init; }

    /// <summary>A few seconds of each profile: the smoke test and a quick look.</summary>
    public static HarnessOptions Smoke { get; } = new()
    {
        SteadyDuration = TimeSpan.FromSeconds(4),
        BurstDuration = TimeSpan.FromSeconds(1.5),
        TwoLocationsDuration = TimeSpan.FromSeconds(2),
        MultiBurstDuration = TimeSpan.FromSeconds(2),
        TwoWayChanges = 40,
        DrainLimit = TimeSpan.FromSeconds(90),
        WarmUp = false,
    };

    public IReadOnlyList<LoadProfile> SelectedProfiles() => [.. Profiles.Select(ProfileFor)];

    private LoadProfile ProfileFor(string key) => key switch
    {
        LoadProfile.Steady => new LoadProfile(key, $"Steady at {SteadyFactor:0.##}× the limit, one location", 1, SteadyFactor, SteadyDuration),
        LoadProfile.Burst => new LoadProfile(key, $"Burst of {BurstFactor:0.##}× the limit for {BurstDuration.TotalSeconds:0.#} s, one location, {LoadProfile.BurstUpdatesPerContact} changes per updated contact, then drain", 1, BurstFactor, BurstDuration, UpdatesPerContact: LoadProfile.BurstUpdatesPerContact),
        LoadProfile.TwoLocations => new LoadProfile(key, $"Two locations at once, {TwoLocationsFactor:0.##}× the limit each for {TwoLocationsDuration.TotalSeconds:0.#} s, then drain", 2, TwoLocationsFactor, TwoLocationsDuration),
        LoadProfile.TwoLocationBurst => MultiBurst(key, 2),
        LoadProfile.FiveLocationBurst => MultiBurst(key, 5),
        LoadProfile.TwoWay => new LoadProfile(key, $"Two-way: {TwoWayChanges} changes made in GHL and in Roezan at {TwoWayChangesPerSecond:0.#}/s (a tenth of them the same contact on both sides within a second), both simulators sending webhooks, one location{(TwoWayFaults ? TwoWay.TwoWayFaults.Title : "")}", 1, 0, TimeSpan.FromSeconds(TwoWayChanges / TwoWayChangesPerSecond)),
        _ => throw new ArgumentException($"Unknown profile '{key}' ({string.Join(", ", AllProfiles.Concat(OnRequestProfiles))}).", nameof(key)),
    };

    private LoadProfile MultiBurst(string key, int locations) => new(
        key,
        $"{locations} locations bursting at once, {MultiBurstFactor:0.##}× the limit each for {MultiBurstDuration.TotalSeconds:0.#} s, and a quiet location at {LoadProfile.QuietFactor:0.##}×, then drain",
        locations,
        MultiBurstFactor,
        MultiBurstDuration,
        WithQuietLocation: true);
}
