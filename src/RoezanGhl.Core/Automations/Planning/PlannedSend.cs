using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// One text an automation will send: what the durable schedule stores under <see cref="SendId"/> and the plan
/// shows. The body is rendered when planned; consent, conditions and sending hours are checked again at send time
/// (<see cref="SendGate"/>). Holds personal data (phone, text): never log it.
/// </summary>
public sealed record PlannedSend
{
    /// <summary>The ledger key (<see cref="SendIds"/>).</summary>
    public required string SendId { get; init; }

    public required string AccountId { get; init; }

    public required string AutomationName { get; init; }

    public required AutomationTriggerKind Trigger { get; init; }

    /// <summary>The event identity the send id was made from.</summary>
    public required string TriggerIdentity { get; init; }

    /// <summary>When the trigger happened ("after" delays and missed-reply checks count from here).</summary>
    public required DateTimeOffset TriggeredAt { get; init; }

    public required string ContactId { get; init; }

    /// <summary>The number the text goes to, as planned; a different number at send time cancels it.</summary>
    public required string To { get; init; }

    public required string Body { get; init; }

    public required SmsSegmentCount Segments { get; init; }

    /// <summary>Placeholders rendered empty for want of a value and a fallback.</summary>
    public IReadOnlyList<string> MissingPlaceholders { get; init; } = [];

    /// <summary>When to send (UTC): the due time, moved into sending hours.</summary>
    public required DateTimeOffset SendAt { get; init; }

    /// <summary>The due time the timing gave, before sending hours.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    public bool ShiftedBySendingHours { get; init; }

    /// <summary>The appointment the text is about, when it came from one: a move or a cancellation re-plans it.</summary>
    public string? AppointmentId { get; init; }

    /// <summary>The appointment's start the text was planned (and rendered) for.</summary>
    public DateTimeOffset? AppointmentStart { get; init; }
}
