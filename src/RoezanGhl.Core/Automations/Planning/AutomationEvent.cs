namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// Something that may start automations, normalized from a GHL webhook or a Roezan message by
/// <see cref="AutomationEvents"/>. Carries what triggers match on, what templates read and what send ids are made of.
/// </summary>
public sealed record AutomationEvent
{
    public required AutomationEventKind Kind { get; init; }

    /// <summary>The GHL contact the event is about.</summary>
    public required string ContactId { get; init; }

    /// <summary>When it happened: "at once" and "after" timings count from here.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>HighLevel's delivery id, when the event came from a webhook: the identity of events with no natural key.</summary>
    public string? WebhookId { get; init; }

    /// <summary>ContactTagsChanged: tags present now that were not before (case-insensitive).</summary>
    public IReadOnlyList<string> AddedTags { get; init; } = [];

    /// <summary>ContactTagsChanged with no earlier tag list to compare with: nothing can be called added.</summary>
    public bool PreviousTagsUnknown { get; init; }

    public AutomationAppointment? Appointment { get; init; }

    public AutomationTask? Task { get; init; }

    /// <summary>The inbound message (keyword auto-reply) or the outbound one (missed reply).</summary>
    public AutomationMessage? Message { get; init; }
}
