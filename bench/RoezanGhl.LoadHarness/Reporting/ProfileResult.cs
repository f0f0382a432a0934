using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>One profile: its load, and each system's figures.</summary>
public sealed record ProfileResult
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("locations")]
    public required int Locations { get; init; }

    [JsonPropertyName("limit_factor")]
    public required double LimitFactor { get; init; }

    [JsonPropertyName("load_seconds")]
    public required double LoadSeconds { get; init; }

    [JsonPropertyName("offered_events_per_second_per_location")]
    public required double OfferedEventsPerSecondPerLocation { get; init; }

    [JsonPropertyName("ours")]
    public SystemResult? Ours { get; set; }

    [JsonPropertyName("baseline")]
    public SystemResult? Baseline { get; set; }

    /// <summary>The <c>two_way</c> profile's figures (ours only: the baseline has no GHL → Roezan direction).</summary>
    [JsonPropertyName("two_way")]
    public TwoWayResult? TwoWay { get; set; }
}
