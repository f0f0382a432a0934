using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>Per-channel do-not-disturb settings (<c>DndSettingsSchema</c>).</summary>
public sealed class GhlDndSettings
{
    [JsonPropertyName("Call")]
    public GhlDndSetting? Call { get; set; }

    [JsonPropertyName("Email")]
    public GhlDndSetting? Email { get; set; }

    [JsonPropertyName("SMS")]
    public GhlDndSetting? Sms { get; set; }

    [JsonPropertyName("WhatsApp")]
    public GhlDndSetting? WhatsApp { get; set; }

    [JsonPropertyName("GMB")]
    public GhlDndSetting? Gmb { get; set; }

    [JsonPropertyName("FB")]
    public GhlDndSetting? Facebook { get; set; }
}
