namespace RoezanGhl.Engine.Conversations;

/// <summary>What Roezan did with a reply: sent (GHL shows it delivered) or refused, with Roezan's code and reason.</summary>
public sealed record ConversationReplyOutcome(bool Sent, string? FailureCode = null, string? FailureReason = null)
{
    public static ConversationReplyOutcome Delivered { get; } = new(true);

    public static ConversationReplyOutcome Failed(string code, string reason) => new(false, code, reason);
}
