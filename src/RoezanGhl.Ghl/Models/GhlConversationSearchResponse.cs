namespace RoezanGhl.Ghl.Models;

/// <summary><c>GET /conversations/search</c> (<c>SendConversationResponseDto</c>).</summary>
internal sealed class GhlConversationSearchResponse
{
    public List<GhlConversation> Conversations { get; set; } = [];

    public double? Total { get; set; }
}
