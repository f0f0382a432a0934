namespace RoezanGhl.Ghl.Models;

/// <summary>The answer of a status update (<c>SendMessageResponseDto</c>, the members the sync reads).</summary>
public sealed class GhlMessageStatusResult
{
    public string? ConversationId { get; set; }

    public string? MessageId { get; set; }

    public string? Status { get; set; }
}
