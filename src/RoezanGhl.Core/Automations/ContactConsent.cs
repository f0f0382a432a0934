using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// Whether the contact may be texted, as the caller knows it at evaluation time, from both systems. Planning checks
/// it, and the send checks it again with fresh data: an opt-out between the two cancels the send.
/// </summary>
/// <param name="GhlDoNotDisturb">GHL's DND on all channels, or on SMS (status active or permanent).</param>
/// <param name="RoezanOptedOut">The number opted out in Roezan (a STOP reply, or an operator).</param>
public sealed record ContactConsent(bool GhlDoNotDisturb, bool RoezanOptedOut)
{
    public static readonly ContactConsent Allowed = new(false, false);

    public bool OptedOut => GhlDoNotDisturb || RoezanOptedOut;

    /// <summary>Whether a GHL contact's DND members forbid SMS: DND on all channels, or the SMS channel not <c>inactive</c>.</summary>
    public static bool GhlForbidsSms(GhlContactEvent contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var sms = contact.DndSettings?.Sms?.Status?.Trim();
        return contact.Dnd == true || (!string.IsNullOrEmpty(sms) && !string.Equals(sms, "inactive", StringComparison.OrdinalIgnoreCase));
    }
}
