using RoezanGhl.Roezan;

namespace RoezanGhl.Engine.Automations;

/// <summary>Whether Roezan's contact may not be texted: opted out by Roezan (<c>opted_out_at</c>, <c>opted_in: false</c>) or tagged with the account's opt-out tag by this app.</summary>
public static class RoezanConsent
{
    /// <summary>True when the contact opted out in Roezan, or carries <paramref name="optOutTag"/> (when given).</summary>
    public static bool OptedOut(RoezanApiContact contact, string? optOutTag)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.OptedOutAt is not null || contact.OptedIn == false
            || (optOutTag is not null && contact.Tags?.Contains(optOutTag, StringComparer.OrdinalIgnoreCase) == true);
    }
}
