namespace RoezanGhl.Ghl.Models;

/// <summary>The answer to an added inbound message (<c>ProcessMessageResponseDto</c>).</summary>
public sealed class GhlInboundMessageResult
{
    public bool Success { get; set; }

    public string? ConversationId { get; set; }

    public string? MessageId { get; set; }

    public string? Message { get; set; }

    public string? ContactId { get; set; }
}
