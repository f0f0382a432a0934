namespace RoezanGhl.Ghl.Models;

/// <summary>
/// One page of <c>GET /conversations/{conversationId}/messages</c> (<c>GetMessagesByConversationResponseDto</c>), newest
/// first; pass <see cref="LastMessageId"/> back for the next page while <see cref="NextPage"/> is true.
/// </summary>
public sealed class GhlConversationMessagesPage
{
    public string? LastMessageId { get; set; }

    public bool NextPage { get; set; }

    public List<GhlConversationMessage> Messages { get; set; } = [];
}
