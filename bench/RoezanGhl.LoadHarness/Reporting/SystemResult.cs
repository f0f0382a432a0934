using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>The figures of one system in one profile, under the keys the issue fixes (plus a few that explain them).</summary>
public sealed record SystemResult
{
    [JsonPropertyName("events")]
    public required int Events { get; init; }

    /// <summary>Events whose effect is not in GHL after the drain (the audit of the simulator's state).</summary>
    [JsonPropertyName("lost_events")]
    public required int LostEvents { get; init; }

    /// <summary>Fields of created or updated contacts whose value in GHL is not the newest one sent, and tags sent but missing (<see cref="Measurement.FieldAudit"/>).</summary>
    [JsonPropertyName("fields_lost")]
    public int FieldsLost { get; init; }

    /// <summary>Contacts, notes or tasks created more than once for one source.</summary>
    [JsonPropertyName("duplicate_writes")]
    public required int DuplicateWrites { get; init; }

    /// <summary>Requests GHL received (any answer, 429s included) per event.</summary>
    [JsonPropertyName("ghl_calls_per_event")]
    public required double GhlCallsPerEvent { get; init; }

    /// <summary>The lowest of the loaded locations' shares of 100 / 10 s used while they had work (see BudgetUtilization); the quiet location is left out.</summary>
    [JsonPropertyName("ghl_budget_utilization")]
    public required double GhlBudgetUtilization { get; init; }

    [JsonPropertyName("ghl_429_ratio")]
    public required double Ghl429Ratio { get; init; }

    /// <summary>Each location's 429s over its requests: a location throttled while the others are not shows here.</summary>
    [JsonPropertyName("ghl_429_ratio_by_location")]
    public required IReadOnlyDictionary<string, double> Ghl429RatioByLocation { get; init; }

    /// <summary>The quiet location's webhook accepted → applied p99 while its neighbours were saturated; null without one.</summary>
    [JsonPropertyName("quiet_location_latency_p99_ms")]
    public double? QuietLocationLatencyP99Ms { get; init; }

    /// <summary>The quiet location's events (the sample behind its p99); null without one.</summary>
    [JsonPropertyName("quiet_location_events")]
    public int? QuietLocationEvents { get; init; }

    /// <summary>Webhook accepted → applied in GHL, over applied events; null when none was applied.</summary>
    [JsonPropertyName("e2e_latency_p50_ms")]
    public required double? E2eLatencyP50Ms { get; init; }

    [JsonPropertyName("e2e_latency_p99_ms")]
    public required double? E2eLatencyP99Ms { get; init; }

    /// <summary>Applied events per second, from the first event accepted to the last one applied.</summary>
    [JsonPropertyName("events_per_second")]
    public required double EventsPerSecond { get; init; }

    [JsonPropertyName("peak_working_set_mb")]
    public required double PeakWorkingSetMb { get; init; }

    [JsonPropertyName("ingest_us_per_event")]
    public double? IngestMicrosecondsPerEvent { get; init; }

    [JsonPropertyName("ingest_bytes_per_event")]
    public double? IngestBytesPerEvent { get; init; }

    [JsonPropertyName("applied_events")]
    public required int AppliedEvents { get; init; }

    [JsonPropertyName("ghl_requests")]
    public required long GhlRequests { get; init; }

    [JsonPropertyName("ghl_429")]
    public required long Ghl429 { get; init; }

    [JsonPropertyName("ghl_budget_utilization_by_location")]
    public required IReadOnlyDictionary<string, double> GhlBudgetUtilizationByLocation { get; init; }

    /// <summary>Requests GHL counted (not 429) per location in each 10 s from the location's first event: where the budget went.</summary>
    [JsonPropertyName("ghl_counted_per_10s_by_location")]
    public required IReadOnlyDictionary<string, IReadOnlyList<int>> GhlCountedPer10sByLocation { get; init; }

    [JsonPropertyName("duplicate_contacts")]
    public required int DuplicateContacts { get; init; }

    [JsonPropertyName("duplicate_notes")]
    public required int DuplicateNotes { get; init; }

    [JsonPropertyName("duplicate_tasks")]
    public required int DuplicateTasks { get; init; }

    /// <summary>Seconds from the first event to the last one settled.</summary>
    [JsonPropertyName("busy_seconds")]
    public required double BusySeconds { get; init; }

    /// <summary>Seconds from the end of the load until the last event settled.</summary>
    [JsonPropertyName("drain_seconds")]
    public required double DrainSeconds { get; init; }

    /// <summary>How the system itself saw its events end (Applied, Failed, ...), by count.</summary>
    [JsonPropertyName("outcomes")]
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>Ends the harness could not match to a scripted event (a harness fault: should be 0).</summary>
    [JsonPropertyName("unmatched_ends")]
    public required int UnmatchedEnds { get; init; }

    /// <summary>GHL requests by route (method and path, ids as {id}), whatever the answer: which calls the events cost.</summary>
    [JsonPropertyName("ghl_calls_by_route")]
    public IReadOnlyDictionary<string, int>? GhlCallsByRoute { get; init; }

    /// <summary>The system's warnings and errors by event name (ours only: the baseline has no logging).</summary>
    [JsonPropertyName("log_counts")]
    public IReadOnlyDictionary<string, int>? LogCounts { get; init; }

    [JsonPropertyName("first_errors")]
    public IReadOnlyList<string>? FirstErrors { get; init; }

    [JsonPropertyName("lost_event_ids")]
    public required IReadOnlyList<string> LostEventIds { get; init; }
}
