using Azure;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Leases;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The processing side of one event's ledger entry: status, attempts and last error (shared with the
/// webhook side), and what the processor keeps to resume exactly where it stopped: the stored plan, the
/// progress, the leases it holds and who is running it. Read and written with the row's ETag.
/// </summary>
public sealed record LedgerProcessingEntry
{
    public required string AccountId { get; init; }

    public required string EventId { get; init; }

    public string? EventType { get; init; }

    public required EventLedgerStatus Status { get; init; }

    /// <summary>Processing attempts started (not deliveries: a message completed without work does not count).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the event is not applied (yet): GHL's message, a skip or wait reason.</summary>
    public string? LastError { get; init; }

    public string? GhlTraceId { get; init; }

    /// <summary>What happened, for an operator: the outcome and the GHL ids, one line.</summary>
    public string? Outcome { get; init; }

    public string? GhlContactId { get; init; }

    /// <summary>The plan being applied; null before the first attempt (or when a wait dropped an unstarted plan).</summary>
    public SyncPlan? Plan { get; init; }

    public ProcessingProgress Progress { get; init; } = ProcessingProgress.None;

    /// <summary>The lease keys (<see cref="Leases.LeaseStore"/>) this event holds while its plan is unfinished.</summary>
    public IReadOnlyList<string> Leases { get; init; } = [];

    /// <summary>
    /// Who holds the entry now (<c>processor:{run}</c> while a delivery applies it, <c>webhook:…</c> while the
    /// webhook enqueues it); null when nobody does.
    /// </summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>
    /// False while a run may have sent a create whose result was not recorded (it crashed or failed
    /// mid-step): the next attempt then looks objects up before creating them.
    /// </summary>
    public bool CleanStop { get; init; } = true;

    public DateTimeOffset? LastAttemptAt { get; init; }

    public ETag ETag { get; init; }

    /// <summary>False for an entry the processor has to create (the webhook's ledger write is missing).</summary>
    public bool Exists { get; init; }

    /// <summary>Applied, Skipped, Failed and Conflict are final: a message for such an event is completed without calling GHL.</summary>
    public bool IsFinal => Status is EventLedgerStatus.Applied or EventLedgerStatus.Skipped or EventLedgerStatus.Failed or EventLedgerStatus.Conflict;

    /// <summary>True when another processor run holds the entry and its hold has not run out.</summary>
    public bool IsHeldByAnotherRun(string runClaim, DateTimeOffset now, TimeSpan holdDuration) =>
        ClaimedBy is { } holder
        && holder.StartsWith(ProcessingLedger.ClaimPrefix, StringComparison.Ordinal)
        && !string.Equals(holder, runClaim, StringComparison.Ordinal)
        && ClaimedAt is { } claimedAt
        && now - claimedAt < holdDuration;
}
