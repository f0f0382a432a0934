namespace RoezanGhl.Storage.Reconciliation;

/// <summary>
/// How far the poll of one account's inbound messages has got. Roezan lists messages per contact, so a poll
/// is a pass over the account's linked contacts (<see cref="AfterContact"/>: the last GHL contact done); a
/// message counts when it is newer than <see cref="Since"/>, which moves to the pass's start once a pass ends.
/// </summary>
public sealed record MessageCursor
{
    /// <summary>Messages created after this are looked at; null before the first poll.</summary>
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? PassStartedAt { get; init; }

    public string? AfterContact { get; init; }
}
