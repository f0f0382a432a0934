using System.Globalization;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// A contact found by reconciliation's search, as the change the GHL door would have queued for it: a
/// <c>ContactUpdate</c> with <see cref="QueuedGhlChange.ReconcileOrigin"/>. Its id is made from the contact and its
/// <c>dateUpdated</c> (<c>reconcile:{contactId}:{ms}</c>): the same version of a contact found twice (the walks overlap)
/// is one ledger entry, a later version is a new change.
/// </summary>
internal static class GhlSearchedChange
{
    public static QueuedGhlChange From(string locationId, GhlContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var updated = contact.DateUpdated ?? contact.DateAdded;
        var version = updated?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "0";
        return new QueuedGhlChange
        {
            Type = GhlWebhookEventTypes.ContactUpdate,
            LocationId = locationId,
            WebhookId = $"reconcile:{contact.Id}:{version}",
            Origin = QueuedGhlChange.ReconcileOrigin,
            Contact = Contact(locationId, contact, updated),
        };
    }

    private static GhlContactEvent Contact(string locationId, GhlContact contact, DateTimeOffset? updated)
    {
        var found = GhlContactEvents.From(contact);
        found.Type = GhlWebhookEventTypes.ContactUpdate;
        found.LocationId = locationId;
        found.DateUpdated = updated;
        return found;
    }
}
