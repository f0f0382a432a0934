using Azure;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// One event's row in the event ledger (table <c>{Sync:TablePrefix}Events</c>, PartitionKey = account, RowKey =
/// event id; see <see cref="EventLedgerKeys"/>): the dedupe key, the lifecycle, the resume state of its plan and the
/// history operators read. The one shape of the row: the webhook, the processor, the re-drive, the reconciler and
/// the CLI all read and write it through <see cref="EventLedger"/>, which is the only class that maps it to the
/// table's columns. Writers update it with the <see cref="ETag"/> they read.
/// </summary>
/// <remarks>
/// The C# names say source and target; the columns keep the names they were first written with
/// (<c>ContactId</c>, <c>GhlContactId</c>, <c>GhlTraceId</c>), so that rows written by earlier releases read as they are.
/// </remarks>
public sealed record EventLedgerEntry
{
    /// <summary>The account as configured (the key is escaped and lower-cased).</summary>
    public required string AccountId { get; init; }

    /// <summary>The event id as the source system sent it (the key may be escaped).</summary>
    public required string EventId { get; init; }

    /// <summary>The event type, such as <c>contact.updated</c> (column <c>Type</c>).</summary>
    public string? Type { get; init; }

    /// <summary>Where the event comes from and where it goes (columns <c>Source</c> and <c>Target</c>; absent means Roezan → GHL).</summary>
    public SyncDirection Direction { get; init; } = SyncDirection.RoezanToGhl;

    public EventLedgerStatus Status { get; init; }

    /// <summary>Processing attempts started (not deliveries: a message completed without work does not count).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// How many times the event was moved back from the poison queue (column <c>ReDrives</c>; absent in rows of earlier
    /// releases, which reads as 0). The reconciler stops re-driving at <c>Sync:ReconcileMaxReDrives</c>.
    /// </summary>
    public int ReDrives { get; init; }

    /// <summary>Why the event is not applied (yet): the target's message, a skip or wait reason. Never a token or secret.</summary>
    public string? LastError { get; init; }

    /// <summary>What happened, for an operator: the outcome and the ids made, one line.</summary>
    public string? Outcome { get; init; }

    /// <summary>The source system's contact the event is about (column <c>ContactId</c>: the Roezan contact of a Roezan event).</summary>
    public string? SourceContactId { get; init; }

    /// <summary>The target system's contact the event was applied to (column <c>GhlContactId</c>).</summary>
    public string? TargetContactId { get; init; }

    /// <summary>The target's trace id of the last failed call, for its support (column <c>GhlTraceId</c>: GHL's <c>traceId</c>).</summary>
    public string? TargetTraceId { get; init; }

    /// <summary>When the change happened in the source system: orders updates of one contact.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>When a door (or, with no row yet, the processor) first wrote the row.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// When the current holder took the row (the webhook while enqueuing, the processor while applying); null when
    /// nobody holds it. A claim older than the holder's timeout may be taken over.
    /// </summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>
    /// Who holds the row (<c>webhook:{guid}</c> while a door enqueues it, <see cref="EventLedger.ProcessorClaimPrefix"/>
    /// and a run id while a delivery applies it); null when nobody does. For diagnosis and the hold checks only.
    /// </summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The plan being applied; null before the first attempt (or when a wait dropped an unstarted plan).</summary>
    public SyncPlan? Plan { get; init; }

    /// <summary>
    /// The blob (<see cref="StateBlobs"/>) that holds <see cref="Plan"/> when its JSON is too large for the row; null when
    /// the row holds it. The ledger sets it; a writer only carries it along.
    /// </summary>
    public string? PlanBlob { get; init; }

    /// <summary>
    /// The blob that holds the bodies (notes, messages, task bodies) of <see cref="Plan"/>, which the stored plan names by
    /// reference, size and hash (<see cref="PlanBodies"/>); null for a plan without bodies or one stored before. Set by the ledger.
    /// </summary>
    public string? PlanBodiesBlob { get; init; }

    /// <summary>One result per completed step of <see cref="Plan"/>: a re-delivery resumes after them.</summary>
    public ProcessingProgress Progress { get; init; } = ProcessingProgress.None;

    /// <summary>The lease keys (<see cref="Leases.LeaseStore"/>) the event holds while its plan is unfinished.</summary>
    public IReadOnlyList<string> Leases { get; init; } = [];

    /// <summary>
    /// False while a run may have sent a create whose result was not recorded (it crashed or failed mid-step):
    /// the next attempt then looks objects up before creating them.
    /// </summary>
    public bool CleanStop { get; init; } = true;

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The row's ETag as last read or written; the default for a row not written yet.</summary>
    public ETag ETag { get; init; }

    /// <summary>False for an entry that is not in the table yet (<see cref="EventLedger.ReadAsync"/> found none): saving it inserts it.</summary>
    public bool Exists => ETag != default;

    /// <summary>Applied, Skipped, Failed and Conflict are final: a message for such an event is completed without calling the target.</summary>
    public bool IsFinal => Status is EventLedgerStatus.Applied or EventLedgerStatus.Skipped or EventLedgerStatus.Failed or EventLedgerStatus.Conflict;

    /// <summary>True when another processor run holds the entry and its hold has not run out.</summary>
    public bool IsHeldByAnotherRun(string runClaim, DateTimeOffset now, TimeSpan holdDuration) =>
        ClaimedBy is { } holder
        && holder.StartsWith(EventLedger.ProcessorClaimPrefix, StringComparison.Ordinal)
        && !string.Equals(holder, runClaim, StringComparison.Ordinal)
        && ClaimedAt is { } claimedAt
        && now - claimedAt < holdDuration;
}
