using RoezanGhl.Ghl.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>
/// A contact as GHL returns it. One type for the shapes of get (<c>GetContectByIdSchema</c>), create
/// (<c>CreateContactSchema</c>) and list (<c>ContactsSearchSchema</c>); fields a shape lacks are null.
/// Fields the spec does not name are kept in <see cref="AdditionalData"/>.
/// </summary>
public sealed class GhlContact
{
    public string Id { get; set; } = "";

    public string? LocationId { get; set; }

    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164 as GHL stores it (<c>+18832327657</c>).</summary>
    public string? Phone { get; set; }

    public string? CompanyName { get; set; }

    public string? Timezone { get; set; }

    public bool? Dnd { get; set; }

    public GhlDndSettings? DndSettings { get; set; }

    /// <summary><c>lead</c>, <c>customer</c>, ...</summary>
    public string? Type { get; set; }

    public string? Source { get; set; }

    public string? AssignedTo { get; set; }

    public string? Address1 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Country { get; set; }

    public string? PostalCode { get; set; }

    public string? Website { get; set; }

    public List<string>? Tags { get; set; }

    public string? DateOfBirth { get; set; }

    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? DateAdded { get; set; }

    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? DateUpdated { get; set; }

    public List<GhlCustomField>? CustomFields { get; set; }

    public string? BusinessId { get; set; }

    public GhlAttributionSource? AttributionSource { get; set; }

    public List<string>? Followers { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
