namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /conversations/messages/inbound</c>: the Roezan message as an inbound SMS in the contact's conversation
/// (found, or made when the contact has none), under the location's conversation provider. Exactly once: the Roezan
/// message id (<see cref="MessageId"/>) is the step's key in the event's ledger entry, and a retry after an unknown
/// outcome looks for the message in the conversation (inbound, this text, this <see cref="SentAt"/>) before adding it.
/// </summary>
public sealed record AddInboundMessageStep : PlanStep
{
    /// <summary>Roezan's id of the message, sent as <c>altId</c>.</summary>
    public required string MessageId { get; init; }

    public required string ConversationProviderId { get; init; }

    /// <summary>The text as the contact sent it.</summary>
    public required string Body { get; init; }

    /// <summary>When the contact sent it (the message's <c>date</c> in GHL), to the millisecond.</summary>
    public required DateTimeOffset SentAt { get; init; }

    public override string Describe() => $"POST /conversations/messages/inbound ({Body.Length} chars, altId {MessageId})";
}
