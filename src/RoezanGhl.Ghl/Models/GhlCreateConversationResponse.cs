namespace RoezanGhl.Ghl.Models;

/// <summary>The answer of <c>POST /conversations/</c> (<c>CreateConversationSuccessResponse</c>).</summary>
internal sealed class GhlCreateConversationResponse
{
    public bool Success { get; set; }

    public GhlConversation? Conversation { get; set; }
}
