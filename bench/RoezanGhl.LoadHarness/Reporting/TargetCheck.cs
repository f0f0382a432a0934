using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>One of the targets for ours, with the measured value and whether it was met (null: not measured).</summary>
public sealed record TargetCheck(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("profile")] string? Profile,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("met")] bool? Met);
