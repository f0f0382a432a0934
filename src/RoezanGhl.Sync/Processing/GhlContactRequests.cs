using RoezanGhl.Ghl.Models;
using RoezanGhl.Sync.Planning;

namespace RoezanGhl.Sync.Processing;

/// <summary>Planned contact values as GHL request bodies. Tags are never put in a contact body (it would replace GHL's).</summary>
internal static class GhlContactRequests
{
    public static T Fill<T>(T request, ContactFields fields)
        where T : GhlContactWriteFields
    {
        request.FirstName = fields.FirstName;
        request.LastName = fields.LastName;
        request.Email = fields.Email;
        request.Phone = fields.Phone;
        request.CustomFields = fields.CustomFields.Count == 0
            ? null
            : fields.CustomFields.Select(pair => GhlCustomFieldInput.Text(pair.Key, pair.Value)).ToList();
        request.Tags = null;
        return request;
    }
}
