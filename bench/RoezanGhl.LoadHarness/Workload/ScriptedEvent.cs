using RoezanGhl.Core.Events;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// One Roezan event of a run: when it arrives, what it is about, and the values the audit looks for in GHL
/// afterwards. Every event carries a <see cref="Marker"/> that ends up in the note, task or tag it makes, so
/// the audit can count what each event created.
/// </summary>
public sealed record ScriptedEvent
{
    public required int Sequence { get; init; }

    /// <summary>When the event arrives, in milliseconds from the start of the load.</summary>
    public required double OffsetMs { get; init; }

    public required HarnessLocation Location { get; init; }

    public required EventKind Kind { get; init; }

    public required string EventId { get; init; }

    /// <summary>A text unique to the event ("[bench-a000042]"), put in message texts, note bodies, task titles and tags.</summary>
    public required string Marker { get; init; }

    /// <summary>The known contact the event is about, for kinds that have one.</summary>
    public KnownContact? Contact { get; init; }

    /// <summary>The sender (messages) or the new person's number (contact.created), E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>The same number as Roezan shows it.</summary>
    public string? LocalPhone { get; init; }

    /// <summary>The new person's Roezan contact id (contact.created).</summary>
    public string? RoezanContactId { get; init; }

    public string? FirstName { get; init; }

    /// <summary>The new person's last name, or a known contact's new one (contact.updated).</summary>
    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>A tag GHL does not have yet (contact.updated and contact.created, half of them).</summary>
    public string? NewTag { get; init; }

    /// <summary>The message, note or task text (with the marker).</summary>
    public string? Text { get; init; }

    /// <summary>The Roezan task id: a new one for task.created, the known contact's for task.updated / completed.</summary>
    public string? RoezanTaskId { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    /// <summary>The Roezan message id of a message.received ("m-" and the event id).</summary>
    public string MessageId => "m-" + EventId;

    /// <summary>
    /// The id the pipeline knows the event by once queued: a message.received is keyed by its message id
    /// (<see cref="RoezanMessageEventId"/>, so that the webhook and the reconciler's poll claim one ledger row).
    /// </summary>
    public string QueuedEventId => EventType == "message.received" ? RoezanMessageEventId.For(MessageId) : EventId;

    /// <summary>The Roezan event type on the wire.</summary>
    public string EventType => Kind switch
    {
        EventKind.MessageFromKnownContact or EventKind.MessageFollowUp or EventKind.MessageFromNewNumber => "message.received",
        EventKind.ContactUpdated => "contact.updated",
        EventKind.ContactCreated => "contact.created",
        EventKind.TaskCreated => "task.created",
        EventKind.TaskUpdated => "task.updated",
        EventKind.TaskCompleted => "task.completed",
        _ => "note.created",
    };

    /// <summary>The E.164 number of the GHL contact the event lands on.</summary>
    public string TargetPhone => Contact?.Phone ?? Phone ?? throw new InvalidOperationException($"Event {EventId} has no contact.");
}
