namespace RoezanGhl.LoadHarness.Conversations;

/// <summary>What the <c>conversations</c> profile measured: GHL calls per inbound message (counts) and reply latency in process (timings).</summary>
public sealed record ConversationsFigures
{
    public required int NewNumberMessages { get; init; }

    /// <summary>GHL requests per first message of a new number: the contact's own calls, the conversation's creation and the add.</summary>
    public required double GhlCallsPerNewNumberMessage { get; init; }

    public required int KnownContactMessages { get; init; }

    /// <summary>GHL requests per message of a contact whose conversation exists (search, add).</summary>
    public required double GhlCallsPerKnownContactMessage { get; init; }

    /// <summary>Inbound messages in GHL's threads more than once, or missing: must be 0.</summary>
    public required int InboundMessagesNotOnce { get; init; }

    public required int Replies { get; init; }

    /// <summary>Texts Roezan sent per reply typed in GHL: must be 1.</summary>
    public required double RoezanTextsPerReply { get; init; }

    public required double GhlCallsPerReply { get; init; }

    public required double RoezanCallsPerReply { get; init; }

    /// <summary>Replies whose GHL message did not end delivered: must be 0.</summary>
    public required int RepliesNotDelivered { get; init; }

    /// <summary>From the GHL user's post to GHL holding the reply's first status (pending: Roezan accepted it).</summary>
    public required LatencyFigures AcceptedLatencyMs { get; init; }

    /// <summary>From the GHL user's post to GHL showing delivered (after Roezan's delivery report through the door and queue).</summary>
    public required LatencyFigures DeliveredLatencyMs { get; init; }

    public required string Scenario { get; init; }
}
