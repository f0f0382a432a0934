namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// A reply a GHL user typed in GHL's inbox, to send through Roezan: <see cref="SendId"/> (<c>ghl-reply:{messageId}</c>)
/// is the key a sender must send it under exactly once, whatever number of times it is asked.
/// </summary>
public sealed record ConversationReply(string AccountId, string LocationId, string GhlMessageId, string? GhlContactId, string Phone, string Text)
{
    public string SendId => "ghl-reply:" + GhlMessageId;
}
