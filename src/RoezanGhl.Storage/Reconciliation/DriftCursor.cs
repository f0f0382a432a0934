namespace RoezanGhl.Storage.Reconciliation;

/// <summary>
/// How far the drift sweep of one location has got. GHL lists contacts in the order they were added, so a
/// sweep is a pass over the whole location, page by page across runs (<see cref="StartAfter"/>,
/// <see cref="StartAfterId"/>: GHL's cursor of the last page done); at the end of a pass the linked contacts
/// the pass did not see are checked for deletion (<see cref="CheckingDeletions"/>, <see cref="DeletionAfter"/>),
/// then the next pass starts from the beginning.
/// </summary>
public sealed record DriftCursor
{
    public long? StartAfter { get; init; }

    public string? StartAfterId { get; init; }

    /// <summary>Counts passes; contacts seen in this pass are marked with it.</summary>
    public int Pass { get; init; } = 1;

    public DateTimeOffset? PassStartedAt { get; init; }

    public bool CheckingDeletions { get; init; }

    /// <summary>The last linked contact checked for deletion in this pass.</summary>
    public string? DeletionAfter { get; init; }

    public static DriftCursor Start { get; } = new();
}
