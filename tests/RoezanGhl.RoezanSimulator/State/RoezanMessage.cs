namespace RoezanGhl.RoezanSimulator.State;

/// <summary>One SMS to or from a contact. Immutable; a delivery status change stores a new instance.</summary>
public sealed record RoezanMessage
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string ContactId { get; init; }

    /// <summary>The contact's number (E.164): the sender of an inbound message, the recipient of an outbound one.</summary>
    public required string Phone { get; init; }

    public required MessageDirection Direction { get; init; }

    public required string Content { get; init; }

    public IReadOnlyList<string> Media { get; init; } = [];

    public required MessageStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
