namespace RoezanGhl.Engine.Reconciliation;

/// <summary>One poison-queue message looked at by a replay, and what became of it.</summary>
public sealed record PoisonReplayItem
{
    public required string MessageId { get; init; }

    public string? EventId { get; init; }

    public string? AccountId { get; init; }

    public string? EventType { get; init; }

    /// <summary>When it reached the poison queue.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    public PoisonReplayAction Action { get; init; }

    /// <summary>The ledger's last error for a moved event, or why a message is unreadable.</summary>
    public string? Detail { get; init; }
}
