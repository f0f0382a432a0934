namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>POST /contacts/</c> (<c>CreateContactDto</c>).</summary>
public class GhlCreateContactRequest : GhlContactWriteFields
{
    /// <summary>Required by GHL. Left empty, the client fills in the location of the call.</summary>
    public string? LocationId { get; set; }

    public string? Gender { get; set; }

    public string? CompanyName { get; set; }
}
