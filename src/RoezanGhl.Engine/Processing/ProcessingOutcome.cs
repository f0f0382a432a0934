using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>How one delivery ended (the message is completed in every case; a transient failure throws instead).</summary>
public sealed record ProcessingOutcome
{
    /// <summary>The event's ledger status after this delivery.</summary>
    public required EventLedgerStatus Status { get; init; }

    /// <summary>Set when a copy went back on the queue: after how long it is due.</summary>
    public TimeSpan? RequeuedAfter { get; init; }

    /// <summary>The reason for a skip, wait, failure or conflict; the outcome for an apply.</summary>
    public string? Reason { get; init; }

    /// <summary>GHL calls this delivery made through the plan's steps.</summary>
    public int StepsRun { get; init; }
}
