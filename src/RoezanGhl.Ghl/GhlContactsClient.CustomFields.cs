using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl;

// The location's contact custom fields: what the console's mapping editor offers as GHL targets.
public partial class GhlContactsClient
{
    /// <summary>The location's contact custom fields (<c>GET /locations/{locationId}/customFields?model=contact</c>).</summary>
    public virtual async Task<IReadOnlyList<GhlCustomFieldDefinition>> GetContactCustomFieldsAsync(string locationId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(
            locationId,
            GhlOperations.ListCustomFields,
            $"/locations/{Escape(locationId)}/customFields",
            [new("model", "contact")],
            null,
            GhlJsonContext.Default.GhlCustomFieldListResponse,
            cancellationToken).ConfigureAwait(false);
        return response.CustomFields ?? [];
    }
}
