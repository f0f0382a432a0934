namespace RoezanGhl.Core.Planning;

/// <summary>The link state a plan is made against: the event's contact and (for task events) its task, when known.</summary>
public sealed record SyncSnapshot
{
    public ContactSnapshot? Contact { get; init; }

    public TaskSnapshot? Task { get; init; }

    public static SyncSnapshot Empty { get; } = new();
}
