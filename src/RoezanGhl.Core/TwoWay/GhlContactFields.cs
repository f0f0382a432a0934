using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// The mapped fields of a GHL contact as the two-way sync compares them: names, email, phone and tags, blanks read as
/// absent (an empty GHL field never blanks Roezan's). In the same terms as the state recorded per linked contact
/// (<see cref="ContactFields"/>), so that a change is the difference from it.
/// </summary>
public static class GhlContactFields
{
    public static ContactFields From(GhlContactEvent contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new ContactFields
        {
            FirstName = Value(contact.FirstName),
            LastName = Value(contact.LastName),
            Email = Value(contact.Email)?.ToLowerInvariant(),
            Phone = Value(contact.Phone),
            Tags = [.. (contact.Tags ?? []).Select(Value).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>True when GHL says do not disturb by SMS: the global switch, or the SMS channel active or permanent.</summary>
    public static bool SmsDoNotDisturb(GhlContactEvent contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Dnd == true || contact.DndSettings?.Sms?.Status is "active" or "permanent";
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
