namespace RoezanGhl.Engine.Processing;

/// <summary>How a delivery ends (see <see cref="EventVerdict"/>).</summary>
public enum EventVerdictKind
{
    /// <summary>The event reached a final status (Applied, Skipped, Failed, Conflict): the ledger says so, the leases go back.</summary>
    Final,

    /// <summary>The event waits: the ledger records why (Queued or Waiting) and a copy goes back on the queue after a delay.</summary>
    Requeue,

    /// <summary>Another delivery is working on the event: a copy goes back on the queue, the ledger is left to that delivery.</summary>
    PutBack,

    /// <summary>The event was final before this delivery: the message is completed without work.</summary>
    AlreadyDone,
}
