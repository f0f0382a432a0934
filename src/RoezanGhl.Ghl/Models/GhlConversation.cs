namespace RoezanGhl.Ghl.Models;

/// <summary>A contact's conversation (<c>ConversationSchema</c>, the members the sync reads). GHL keeps one per contact.</summary>
public sealed class GhlConversation
{
    public string Id { get; set; } = "";

    public string? ContactId { get; set; }

    public string? LocationId { get; set; }
}
