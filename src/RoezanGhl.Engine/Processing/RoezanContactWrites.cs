using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Roezan;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// What the sync writes to Roezan, built from values in GHL's terms (the planner's, the link's) through the account's
/// field mapping in reverse (<see cref="ContactFieldReverseMapper"/>), and what Roezan then holds, in GHL's terms again.
/// The link's state and the echo fingerprints stay in GHL's terms (Roezan's contact after the forward mapping): Roezan's
/// webhook about the write, mapped forward, gives <see cref="HeldAfter"/> back, so it is known as an echo.
/// </summary>
public static class RoezanContactWrites
{
    /// <summary>The upsert that writes <paramref name="ghlValues"/> to the Roezan contact keyed by <paramref name="phone"/>.</summary>
    public static RoezanContactUpsert Upsert(string phone, ContactFields ghlValues, AccountMapping mapping, string? optOutTag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var roezan = ContactFieldReverseMapper.ToRoezan(ghlValues, mapping, optOutTag);
        return new RoezanContactUpsert
        {
            Phone = phone,
            FirstName = roezan.FirstName,
            LastName = roezan.LastName,
            Email = roezan.Email,
            Tags = roezan.Tags.Count > 0 ? roezan.Tags : null,
        };
    }

    /// <summary>
    /// The Roezan contact that holds <paramref name="ghlState"/> (what a write of it leaves there, on the fields the
    /// mapping carries back), in Roezan's own terms.
    /// </summary>
    public static RoezanContact Holding(ContactFields ghlState, AccountMapping mapping, string? optOutTag, string? roezanContactId = null)
    {
        var roezan = ContactFieldReverseMapper.ToRoezan(ghlState, mapping, optOutTag);
        return new RoezanContact { Id = roezanContactId, FirstName = roezan.FirstName, LastName = roezan.LastName, Email = roezan.Email, Phone = roezan.Phone, Tags = [.. roezan.Tags] };
    }

    /// <summary>
    /// What Roezan holds after a write of <paramref name="ghlState"/>, as its webhook reads mapped forward: GHL's values on
    /// the fields a Roezan field feeds, only the tags that went back (prefixed again). The fingerprint of a write to Roezan.
    /// </summary>
    public static ContactFields HeldAfter(ContactFields ghlState, AccountMapping mapping, string? optOutTag) =>
        ContactFieldReverseMapper.ToGhl(ContactFieldReverseMapper.ToRoezan(ghlState, mapping, optOutTag), mapping);

    /// <summary>A Roezan contact event's values in GHL's terms (the forward mapping, before field directions).</summary>
    public static ContactFields AsGhlSees(RoezanContact contact, AccountMapping mapping) =>
        ContactFieldReverseMapper.ToGhl(RoezanContactValues.From(contact), mapping);
}
