using RoezanGhl.Core.GhlWebhooks;
using GhlContact = RoezanGhl.Ghl.Models.GhlContact;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// A contact read through GHL's API in the shape of a webhook's contact: what automations' conditions, templates and
/// consent read, and what reconciliation queues for a contact whose webhook never came.
/// </summary>
internal static class GhlContactEvents
{
    public static GhlContactEvent From(GhlContact contact) => new()
    {
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
        DateUpdated = contact.DateUpdated,
    };
}
