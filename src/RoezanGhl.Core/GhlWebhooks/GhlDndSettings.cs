using System.Text.Json.Serialization;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>A contact's do-not-disturb per channel, under HighLevel's own (upper-case) channel names.</summary>
public sealed class GhlDndSettings
{
    [JsonPropertyName("SMS")]
    public GhlDndChannel? Sms { get; set; }

    [JsonPropertyName("Call")]
    public GhlDndChannel? Call { get; set; }

    [JsonPropertyName("Email")]
    public GhlDndChannel? Email { get; set; }

    [JsonPropertyName("WhatsApp")]
    public GhlDndChannel? WhatsApp { get; set; }

    [JsonPropertyName("GMB")]
    public GhlDndChannel? Gmb { get; set; }

    [JsonPropertyName("FB")]
    public GhlDndChannel? Fb { get; set; }
}
