using System.Text.Json.Serialization;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// <c>POST /conversations/messages/inbound</c> (<c>ProcessMessageBodyDto</c>): an SMS the contact sent, added to
/// the contact's conversation under the location's conversation provider. <see cref="AltId"/> is the provider's own
/// message id (Roezan's), <see cref="Date"/> when the contact sent it.
/// </summary>
public sealed class GhlInboundMessageRequest
{
    /// <summary>The channel; the SMS provider uses <c>SMS</c>.</summary>
    public string Type { get; set; } = "SMS";

    public required string ConversationId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>The provider id GHL gave the marketplace app's SMS provider (required by the spec).</summary>
    public required string ConversationProviderId { get; set; }

    public string? Message { get; set; }

    public string? AltId { get; set; }

    /// <summary>Sent as UTC ISO 8601 with milliseconds; GHL shows it as the message's time.</summary>
    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? Date { get; set; }
}
