namespace RoezanGhl.Ghl.Models;

/// <summary>
/// Body of <c>POST /contacts/upsert</c> (<c>UpsertContactDto</c>). GHL matches an existing contact by
/// email or phone per the location's duplicate settings and updates it, else creates one.
/// </summary>
public sealed class GhlUpsertContactRequest : GhlCreateContactRequest
{
    /// <summary>
    /// Leave null/false: with true a location that allows duplicates creates a new contact on every
    /// call, and the client then treats the upsert like a create (not repeated after it was sent).
    /// </summary>
    public bool? CreateNewIfDuplicateAllowed { get; set; }
}
