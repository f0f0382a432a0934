namespace RoezanGhl.Ghl.Models;

/// <summary><c>POST /conversations/</c> (<c>CreateConversationDto</c>).</summary>
internal sealed class GhlCreateConversationRequest
{
    public required string LocationId { get; set; }

    public required string ContactId { get; set; }
}
