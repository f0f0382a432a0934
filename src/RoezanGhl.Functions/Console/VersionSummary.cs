namespace RoezanGhl.Functions.Console;

/// <summary>One saved configuration version as the editor lists it.</summary>
public sealed record VersionSummary(int Version, DateTimeOffset SavedAt, string SavedBy, string? Note);
