namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// A reply a GHL user typed in GHL's inbox, to send through Roezan: <see cref="SendId"/> (<c>ghl-reply:{messageId}</c>)
/// is the key a sender must send it under exactly once, whatever number of times it is asked.
/// </summary>
public sealed record ConversationReply(string AccountId, string LocationId, string GhlMessageId, string? GhlContactId, string Phone, string Text)
{
    /// <summary>What every reply's send id starts with; the rest is GHL's message id.</summary>
    public const string SendIdPrefix = "ghl-reply:";

    public string SendId => SendIdPrefix + GhlMessageId;
}
