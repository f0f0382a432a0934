using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// The <c>Sync:Processing</c> section: how the queue function waits, retries and gives up. The defaults
/// suit production; tests shorten the delays.
/// </summary>
public sealed class SyncProcessingOptions
{
    public const string SectionName = "Sync:Processing";

    /// <summary>Must equal host.json's <c>extensions.queues.maxDequeueCount</c>: the last attempt records the event as failed before the host poisons it.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long an event holds its leases (creation claims, contact lock) and its ledger entry while it runs; renewed at each step.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before an event blocked by another event's lease (e.g. the one creating the same contact) tries again.</summary>
    public TimeSpan LeaseWaitDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay before a note or task whose contact is not linked yet tries again.</summary>
    public TimeSpan ContactWaitDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after it was accepted an event may wait for its contact before it is recorded as failed.</summary>
    public TimeSpan ContactWaitLimit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delay after a 429 that carried no Retry-After.</summary>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay between tries of events whose GHL location needs attention (revoked grant, inactive location).</summary>
    public TimeSpan LocationAttentionDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Up to this much random-looking (but per-event stable) delay is added so that re-queued events do not return in one burst.</summary>
    public TimeSpan RequeueJitter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether queued <c>contact.updated</c> of one linked contact are coalesced: the first one planned carries the newest
    /// value of each field of the others and their tags, so a burst of changes costs one PUT and one tags POST. Off: every
    /// event is applied on its own (one call set each).
    /// </summary>
    public bool CoalesceContactUpdates { get; set; } = true;

    /// <summary>
    /// Whether consecutive queued <c>message.received</c> of one known contact become one note (the texts in order, each
    /// with its time). Off by default: a note per message keeps its own reference line and time and matches one
    /// conversation message; an account that prefers fewer GHL calls in a burst turns it on. With
    /// follow-up tasks, a message that asks for one (its own task) is never merged, nor texts that would ask for one together.
    /// </summary>
    public bool CoalesceMessages { get; set; }

    /// <summary>
    /// Whether the queued <c>task.updated</c> and <c>task.completed</c> of one Roezan task are coalesced (the default): the
    /// first one planned carries the newest title, body, due date and completion of the others, so an edit and a
    /// completion cost one PUT of the task (GHL's update body carries <c>completed</c>). Off: each is applied on its own.
    /// </summary>
    public bool CoalesceTaskChanges { get; set; } = true;
}
