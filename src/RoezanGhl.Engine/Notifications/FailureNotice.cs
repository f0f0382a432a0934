namespace RoezanGhl.Engine.Notifications;

/// <summary>One event that needs a person: what it was, where, and what GHL said (never a token or personal data).</summary>
public sealed record FailureNotice
{
    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string AccountId { get; init; }

    public required string LocationId { get; init; }

    /// <summary>The ledger status it ended in (Failed, Conflict, Waiting).</summary>
    public required string Status { get; init; }

    /// <summary>GHL's message or our reason.</summary>
    public required string Reason { get; init; }

    public string? TraceId { get; init; }
}
