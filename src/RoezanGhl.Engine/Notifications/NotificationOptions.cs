using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Notifications;

/// <summary>
/// The <c>Notifications</c> section: an optional Teams/Slack-style incoming webhook that hears about each
/// permanent failure (<c>Notifications__WebhookUrl</c>). Without a URL nothing is sent.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Incoming webhook that accepts <c>{"text": "..."}</c>. Keep it in Key Vault references or app settings, not in code.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Messages per GHL location per minute; the rest are rolled up into one "and K more" line.</summary>
    [Range(1, 1000)]
    public int MaxPerMinutePerLocation { get; set; } = 5;

    /// <summary>Notices waiting to be sent; beyond this the oldest are dropped (and counted) rather than slowing processing.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 200;

    /// <summary>How long one POST to the webhook may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
