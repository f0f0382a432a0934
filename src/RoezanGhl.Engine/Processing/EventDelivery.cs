using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// One delivery of a queued event while it is processed: what the message says, the event's ledger entry as last
/// read or written (with its ETag), and what the run holds. <see cref="EventDeliveryReader"/> makes it; it then goes
/// forward to the direction's <see cref="IEventApplier"/> and to the <see cref="EventFinisher"/>.
/// </summary>
public sealed class EventDelivery
{
    public EventDelivery(QueuedRoezanEvent queued, string eventId, BinaryData messageBody, long dequeueCount, bool isLastAttempt)
    {
        Queued = queued ?? throw new ArgumentNullException(nameof(queued));
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        EventId = eventId;
        MessageBody = messageBody ?? throw new ArgumentNullException(nameof(messageBody));
        DequeueCount = dequeueCount;
        IsLastAttempt = isLastAttempt;
    }

    public QueuedRoezanEvent Queued { get; }

    public string EventId { get; }

    public string AccountId => Queued.AccountId;

    public string? EventType => Queued.Event.Type;

    public SyncDirection Direction => Queued.Direction;

    /// <summary>The message as received: what goes back on the queue (a payload-blob stub stays a stub).</summary>
    public BinaryData MessageBody { get; }

    public long DequeueCount { get; }

    /// <summary>True on the host's last allowed attempt: a failure now sends the message to the poison queue.</summary>
    public bool IsLastAttempt { get; }

    /// <summary>This run's name in <see cref="EventLedgerEntry.ClaimedBy"/> while it applies the event.</summary>
    public string Claim { get; } = EventLedger.ProcessorClaimPrefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// True when the message is a claim-check stub whose payload blob is gone: <see cref="Queued"/> is then the stub
    /// (id, type, account), and the event can only be recorded as failed.
    /// </summary>
    public bool PayloadMissing { get; init; }

    /// <summary>The account's settings; null when the message names an account that is not configured.</summary>
    public RoezanAccountOptions? Account { get; init; }

    /// <summary>The GHL location the account maps to: where the event's links and leases live, whichever the direction.</summary>
    public string LocationId => Account?.GhlLocationId ?? "(unknown)";

    /// <summary>The ledger entry as last read or written; null until <see cref="EventDeliveryReader.ReadEntryAsync"/>.</summary>
    public EventLedgerEntry? Entry { get; set; }

    /// <summary>Set when another run holds the entry: how long its hold has left.</summary>
    public TimeSpan? HeldByAnotherRunFor { get; set; }

    /// <summary>The plan this run applies, once the applier has it (stored or made under its leases).</summary>
    public SyncPlan? Plan { get; set; }

    /// <summary>The lease keys this run holds.</summary>
    public List<string> Leases { get; } = [];

    /// <summary>True while a create step runs (its outcome would be unknown if the run stopped now).</summary>
    public bool CreateInFlight { get; set; }

    /// <summary>Target calls made through the plan's steps in this delivery.</summary>
    public int StepsRun { get; set; }
}
