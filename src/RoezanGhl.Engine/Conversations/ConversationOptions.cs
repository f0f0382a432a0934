namespace RoezanGhl.Engine.Conversations;

/// <summary>Settings of GHL conversations, section <c>Conversations</c> (<c>Conversations__StatusRefusalWindow</c>, …).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>How long a refused status update is tried again (GHL refuses it for a few seconds after the message is made).</summary>
    public TimeSpan StatusRefusalWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait between two tries of a refused status update.</summary>
    public TimeSpan StatusRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What GHL is told when Roezan accepts a reply: <c>delivered</c> (the default: Roezan's delivery report may never
    /// come) or <c>pending</c> (Roezan's <c>message.status</c> webhooks are wired, and its Delivered or Undelivered then
    /// sets the final status). Either way an Undelivered report turns the message <c>failed</c>.
    /// </summary>
    public string AcceptedReplyStatus { get; set; } = "delivered";

    /// <summary>
    /// How long a <c>message.status</c> for a Roezan message id no send of ours has is asked again (its send may still be
    /// recording Roezan's answer); after it, the status is acknowledged, logged and not applied.
    /// </summary>
    public TimeSpan UnknownMessageWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>True when a reply accepted by Roezan shows <c>pending</c> in GHL until Roezan reports its delivery.</summary>
    public bool AwaitsDeliveryReport => string.Equals(AcceptedReplyStatus, "pending", StringComparison.OrdinalIgnoreCase);
}
