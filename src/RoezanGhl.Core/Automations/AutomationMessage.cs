namespace RoezanGhl.Core.Automations;

/// <summary>
/// A text exchanged with the contact through Roezan: an inbound one (keyword auto-reply) or an outbound one
/// (the start of a missed-reply wait). Its id is the trigger's identity.
/// </summary>
public sealed record AutomationMessage
{
    public required string Id { get; init; }

    public string? Body { get; init; }

    /// <summary>When it was received (inbound) or sent (outbound).</summary>
    public required DateTimeOffset At { get; init; }
}
