using System.Globalization;
using RoezanGhl.Core.GhlWebhooks;
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
            Contact = new GhlContactEvent
            {
                Type = GhlWebhookEventTypes.ContactUpdate,
                LocationId = locationId,
                Id = contact.Id,
                FirstName = contact.FirstName,
                LastName = contact.LastName,
                Name = contact.Name,
                Email = contact.Email,
                Phone = contact.Phone,
                Tags = contact.Tags?.Select(tag => (string?)tag).ToList(),
                Dnd = contact.Dnd,
                DndSettings = contact.DndSettings?.Sms is { } sms ? new Core.GhlWebhooks.GhlDndSettings { Sms = new GhlDndChannel { Status = sms.Status } } : null,
                CustomFields = contact.CustomFields?.Select(field => (GhlCustomFieldValue?)new GhlCustomFieldValue { Id = field.Id, Value = field.Value }).ToList(),
                DateAdded = contact.DateAdded,
                DateUpdated = updated,
            },
        };
    }
}
