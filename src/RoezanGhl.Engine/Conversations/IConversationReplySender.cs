namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Sends a reply from GHL's inbox through Roezan. The implementation must send each <see cref="ConversationReply.SendId"/>
/// at most once, also when asked again after a crash (the SMS automations' send bookkeeping), never to an opted-out
/// number, and answer the first outcome again on a repeat. A refusal by Roezan is an outcome; a failure that may pass
/// (Roezan unreachable, rate limited) is an exception, and the reply is tried again later.
/// </summary>
public interface IConversationReplySender
{
    Task<ConversationReplyOutcome> SendOnceAsync(ConversationReply reply, CancellationToken cancellationToken);
}
