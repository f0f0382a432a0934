
namespace RoezanGhl.Storage.Ledger;

/// <summary>One event as the ledger tells its story to an operator: what it was, where it stands, what happened.</summary>
public sealed record LedgerHistoryEntry
{
    public required string AccountId { get; init; }

    public required string EventId { get; init; }

    public string? Type { get; init; }

    public EventLedgerStatus Status { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public string? Outcome { get; init; }

    public string? ContactId { get; init; }

    public string? GhlContactId { get; init; }

    public string? GhlTraceId { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
