using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ customFields }</c>.</summary>
internal sealed class GhlCustomFieldListResponse
{
    public List<GhlCustomFieldDefinition>? CustomFields { get; set; }
}
