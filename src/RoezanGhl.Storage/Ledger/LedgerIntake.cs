using RoezanGhl.Core.Sync;

namespace RoezanGhl.Storage.Ledger;

/// <summary>What a door knows of an event when it first claims its id (<see cref="EventLedger.ClaimAsync"/>): the row's identity columns.</summary>
public sealed record LedgerIntake
{
    public required string AccountId { get; init; }

    public required string EventId { get; init; }

    public string? Type { get; init; }

    /// <summary>The source system's contact the event is about, when it names one.</summary>
    public string? SourceContactId { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public SyncDirection Direction { get; init; } = SyncDirection.RoezanToGhl;
}
