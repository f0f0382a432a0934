using RoezanGhl.Core.Automations;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// What both systems say about a contact just before a text goes out: the GHL contact (conditions, phone), consent
/// in GHL and Roezan, the last reply (missed-reply nudges), or why the text cannot go at all (the contact is gone).
/// </summary>
public sealed record SendTimeFacts(AutomationContact? Contact, ContactConsent Consent, DateTimeOffset? LastInboundAt, string? CancelReason)
{
    public static SendTimeFacts Cancel(string reason) => new(null, ContactConsent.Allowed, null, reason);
}
