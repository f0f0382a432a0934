namespace RoezanGhl.Functions.Console;

/// <summary>A GHL custom field of the location, as the mapping editor offers it (connected by its id).</summary>
public sealed record GhlCustomFieldChoice(string Id, string? Key, string Name);
