namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>PUT /contacts/{contactId}</c> (<c>UpdateContactDto</c>): only non-null fields are sent.</summary>
public sealed class GhlUpdateContactRequest : GhlContactWriteFields
{
}
