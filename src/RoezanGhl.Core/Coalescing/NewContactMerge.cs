using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>
/// Which queued <c>contact.updated</c> the event that makes a contact not in GHL yet (its <c>contact.created</c>, or an
/// update that finds no link) may carry: the contact is then made once with the newest value of each field
/// (<see cref="ContactChangeMerger.Merge"/>) instead of made and then updated. Pure; the processor decides under which
/// lease it may ask (the creation claim of the contact's Roezan id).
/// </summary>
public static class NewContactMerge
{
    /// <summary>
    /// True for an update of the same contact, carrying no note (<see cref="ContactChangeMerger.CanAbsorb"/>), whose phone
    /// and email are empty or exactly the maker's: the maker holds the creation claims of its own phone and email, and a
    /// change naming another number or address would need claims it does not hold (that number may be another contact's).
    /// </summary>
    public static bool CanAbsorb(RoezanEvent maker, RoezanEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(maker);
        ArgumentNullException.ThrowIfNull(candidate);
        return maker.Type is RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated
            && ContactChangeMerger.CanAbsorb(maker, candidate)
            && EmptyOrSame(maker.Data?.Contact?.Phone, candidate.Data!.Contact!.Phone)
            && EmptyOrSame(maker.Data?.Contact?.Email, candidate.Data.Contact.Email);
    }

    // Ordinal and untrimmed on purpose: the merged value is one of the two strings, so its creation claim is the one held.
    private static bool EmptyOrSame(string? makers, string? candidates) =>
        string.IsNullOrWhiteSpace(candidates) || string.Equals(makers, candidates, StringComparison.Ordinal);
}
