using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.LoadHarness.Workload;
using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.LoadHarness;

/// <summary>What a system under load gets for one run.</summary>
internal sealed record RunContext(
    GhlSimulatorHost Simulator,
    LoadProfile Profile,
    SeededWorld World,
    EventTimeline Timeline,
    HarnessOptions Options,
    DiagnosticsLog Diagnostics)
{
    /// <summary>Where the processing time goes (deliveries by outcome, HTTP requests by port), for the run's log.</summary>
    public ProcessingProfile? Processing { get; init; }

    /// <summary>Pacing second by second (queue, limiter, deliveries per location), for the run's log.</summary>
    public PacingTrace? Trace { get; init; }

    /// <summary>The process's health every 250 ms (thread pool, GC, locks, Azurite probes), printed beside <see cref="Trace"/>.</summary>
    public HealthSampler? Health { get; init; }
}
