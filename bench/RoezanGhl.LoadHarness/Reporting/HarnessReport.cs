using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>Everything one harness run measured: bench/results.json.</summary>
public sealed record HarnessReport
{
    [JsonPropertyName("generated_at")]
    public required DateTimeOffset GeneratedAt { get; init; }

    [JsonPropertyName("machine")]
    public required string Machine { get; init; }

    /// <summary>The machine's 1-minute load average when the run started and ended (other work shares the cores).</summary>
    [JsonPropertyName("load_average")]
    public string? LoadAverage { get; init; }

    [JsonPropertyName("seed")]
    public required int Seed { get; init; }

    [JsonPropertyName("ghl_limit")]
    public required string GhlLimit { get; init; }

    /// <summary>App settings given to ours on top of its defaults (none for the committed results).</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    [JsonPropertyName("mix")]
    public required IReadOnlyDictionary<string, double> Mix { get; init; }

    [JsonPropertyName("ingest")]
    public IngestFigures? Ingest { get; init; }

    /// <summary>Set when this run was merged into an earlier results file: which profiles come from which earlier run.</summary>
    [JsonPropertyName("earlier_profiles")]
    public string? EarlierProfiles { get; init; }

    [JsonPropertyName("profiles")]
    public required IReadOnlyDictionary<string, ProfileResult> Profiles { get; init; }

    [JsonPropertyName("targets")]
    public required IReadOnlyList<TargetCheck> Targets { get; init; }
}
