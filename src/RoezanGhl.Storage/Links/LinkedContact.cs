using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Links;

/// <summary>A GHL contact with a recorded state, and the Roezan account and contact it was written for.</summary>
public sealed record LinkedContact
{
    public required ContactSnapshot State { get; init; }

    public string? AccountId { get; init; }

    public string? RoezanContactId { get; init; }
}
