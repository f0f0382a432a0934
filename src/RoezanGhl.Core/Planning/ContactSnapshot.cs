namespace RoezanGhl.Core.Planning;

/// <summary>
/// What the links table knows about one GHL contact: its id, the values we last wrote to it and when the
/// Roezan change behind them happened (null when the contact was made from a message: a message orders
/// nothing, so that a <c>contact.created</c> that lost the race to create is not taken for stale).
/// </summary>
public sealed record ContactSnapshot
{
    public required string GhlContactId { get; init; }

    public ContactFields Fields { get; init; } = ContactFields.Empty;

    public DateTimeOffset? LastOccurredAt { get; init; }

    /// <summary>The Roezan event that last wrote <see cref="Fields"/>.</summary>
    public string? LastEventId { get; init; }
}
