using System.Text.Json.Serialization;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// A message of a conversation (<c>GetMessageResponseDto</c>, the members the sync reads). The spec's message has no
/// <c>altId</c>: a message added by us is recognised by direction, body and the date we gave it.
/// </summary>
public sealed class GhlConversationMessage
{
    public string Id { get; set; } = "";

    public string? MessageType { get; set; }

    public string? ContactId { get; set; }

    public string? ConversationId { get; set; }

    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? DateAdded { get; set; }

    public string? Body { get; set; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; set; }

    public string? Status { get; set; }

    public string? ConversationProviderId { get; set; }
}
