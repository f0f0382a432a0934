namespace RoezanGhl.Ghl.Models;

/// <summary>
/// The fields that create, upsert and update share (<c>UpdateContactDto</c>). A null property is not
/// sent at all, so GHL keeps its value: the client never blanks a field by omission.
/// </summary>
public abstract class GhlContactWriteFields
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address1 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public string? Website { get; set; }

    public string? Timezone { get; set; }

    public bool? Dnd { get; set; }

    public GhlDndSettings? DndSettings { get; set; }

    /// <summary>On update this REPLACES all tags; add tags with <c>AddTagsAsync</c> instead.</summary>
    public List<string>? Tags { get; set; }

    public List<GhlCustomFieldInput>? CustomFields { get; set; }

    public string? Source { get; set; }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public string? DateOfBirth { get; set; }

    public string? Country { get; set; }

    public string? AssignedTo { get; set; }
}
