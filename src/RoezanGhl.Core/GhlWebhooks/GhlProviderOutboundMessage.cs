namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// ProviderOutboundMessage: a message a GHL user sent with our conversation provider as the channel, POSTed
/// to the provider's Delivery URL. <see cref="GhlWebhookEvent.Type"/> is the channel (<c>SMS</c> or
/// <c>Email</c>). Its documented payload has no <c>webhookId</c> or <c>timestamp</c>: both are read when
/// present, and <see cref="MessageId"/> is the dedupe key. Email members (<c>emailTo</c>, <c>html</c>, …) are not read.
/// </summary>
public sealed class GhlProviderOutboundMessage : GhlWebhookEvent
{
    public const string SmsChannel = "SMS";

    public string? ContactId { get; set; }

    /// <summary>GHL's message id: the id to report the delivery status against.</summary>
    public string? MessageId { get; set; }

    public string? EmailMessageId { get; set; }

    /// <summary>The recipient's phone (SMS).</summary>
    public string? Phone { get; set; }

    /// <summary>The text to send (SMS).</summary>
    public string? Message { get; set; }

    /// <summary>Attachment URLs.</summary>
    public List<string?>? Attachments { get; set; }

    /// <summary>The GHL user who sent the message.</summary>
    public string? UserId { get; set; }
}
