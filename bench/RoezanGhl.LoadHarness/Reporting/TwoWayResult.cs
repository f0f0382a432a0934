using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>
/// The <c>two_way</c> profile's figures: changes made on both sides (GHL's and Roezan's simulators, each sending signed
/// webhooks for every change, ours included) through both doors and the queue. Counts are exact; timings depend on the
/// machine's load, given beside them.
/// </summary>
public sealed record TwoWayResult
{
    /// <summary>
    /// Whether the run was made under faults on both sides (<c>--two-way-faults</c>: 5xx, ghost writes, a 429 storm, both
    /// doors answering 429 now and then), so its figures are never taken for the clean run's.
    /// </summary>
    [JsonPropertyName("faults")]
    public bool Faults { get; init; }

    /// <summary>Changes made during the load (a contact edited on both sides counts two).</summary>
    [JsonPropertyName("events")]
    public required int Events { get; init; }

    /// <summary>Changed fields not held on both sides at the end.</summary>
    [JsonPropertyName("lost_events")]
    public required int LostEvents { get; init; }

    /// <summary>Contacts one side holds more than once (the same phone twice).</summary>
    [JsonPropertyName("duplicate_writes")]
    public required int DuplicateWrites { get; init; }

    /// <summary>Writes beyond one per change: an echo of our own write applied back (or an extra write after a both-sides edit).</summary>
    [JsonPropertyName("echo_writes")]
    public required int EchoWrites { get; init; }

    /// <summary>Ledger entries that record a conflict (the same contact changed on both sides within the window).</summary>
    [JsonPropertyName("conflicts_recorded")]
    public required int ConflictsRecorded { get; init; }

    /// <summary>Contacts edited on both sides within a second (each a chance of a conflict).</summary>
    [JsonPropertyName("both_sides_edits")]
    public required int BothSidesEdits { get; init; }

    [JsonPropertyName("ghl_calls_per_event")]
    public required double GhlCallsPerEvent { get; init; }

    [JsonPropertyName("roezan_calls_per_event")]
    public required double RoezanCallsPerEvent { get; init; }

    /// <summary>From the change (its system's own timestamp) to its ledger entry recorded applied on the other side.</summary>
    [JsonPropertyName("e2e_latency_p50_ms")]
    public required double E2eLatencyP50Ms { get; init; }

    [JsonPropertyName("e2e_latency_p99_ms")]
    public required double E2eLatencyP99Ms { get; init; }

    [JsonPropertyName("contacts")]
    public required int Contacts { get; init; }

    [JsonPropertyName("changes_per_second")]
    public required double ChangesPerSecond { get; init; }

    [JsonPropertyName("ledger_entries")]
    public required int LedgerEntries { get; init; }

    [JsonPropertyName("applied")]
    public required int Applied { get; init; }

    [JsonPropertyName("skipped_as_echo")]
    public required int SkippedAsEcho { get; init; }

    [JsonPropertyName("failed")]
    public required int Failed { get; init; }

    [JsonPropertyName("wall_seconds")]
    public required double WallSeconds { get; init; }

    /// <summary>The machine's 1-minute load average when the run started and ended (other work shares the cores).</summary>
    [JsonPropertyName("load_average")]
    public required string LoadAverage { get; init; }

    [JsonPropertyName("measured_at")]
    public required DateTimeOffset MeasuredAt { get; init; }
}
