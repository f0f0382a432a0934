using System.Text.Json.Serialization;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// What every GHL webhook body carries: its type, the location (sub-account) it belongs to, and the two
/// delivery members HighLevel adds for replay protection. Every member is nullable because this is what a
/// raw body is parsed into; <see cref="GhlWebhookValidator"/> names each missing or bad field.
/// </summary>
public abstract class GhlWebhookEvent
{
    /// <summary>
    /// Set by <see cref="GhlWebhookParser"/> from <see cref="Type"/> (for a provider message, from the endpoint);
    /// set it when building an event by hand (reconciliation, tests). Not serialized: a queued event gets it back
    /// from <see cref="GhlWebhookEventTypes.KindOf"/> or its class.
    /// </summary>
    [JsonIgnore]
    public GhlWebhookEventKind Kind { get; set; }

    /// <summary>HighLevel's event name (<c>ContactUpdate</c>); for a provider message the channel (<c>SMS</c>, <c>Email</c>).</summary>
    public string? Type { get; set; }

    public string? LocationId { get; set; }

    /// <summary>HighLevel's id of this delivery: the dedupe key. Not in the per-event docs, but on every delivery.</summary>
    public string? WebhookId { get; set; }

    /// <summary>When HighLevel sent the delivery; refused when further from our clock than the tolerance.</summary>
    public DateTimeOffset? Timestamp { get; set; }
}
