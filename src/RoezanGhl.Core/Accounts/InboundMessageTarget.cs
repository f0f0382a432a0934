namespace RoezanGhl.Core.Accounts;

/// <summary>
/// Where an account's inbound Roezan messages go in GHL (<c>Roezan:Accounts:{id}:InboundMessages</c>): a note on the
/// contact (today's behaviour), an inbound SMS in the contact's conversation, or both.
/// </summary>
public enum InboundMessageTarget
{
    Note,
    Conversation,
    Both,
}
