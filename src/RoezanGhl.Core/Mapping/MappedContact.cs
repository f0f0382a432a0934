namespace RoezanGhl.Core.Mapping;

/// <summary>
/// What a Roezan contact comes to in GHL terms, before any HTTP call: only fields with a value
/// (so nothing in GHL is blanked), custom fields by id or key, and the tag changes.
/// </summary>
/// <param name="StandardFields">GHL field name ("firstName", "companyName") → value; never "tags" or "source".</param>
/// <param name="CustomFields">GHL <c>customFields</c> entries, ordered by Roezan field name.</param>
/// <param name="TagsToAdd">Tags to add (prefixed), for <c>POST /contacts/{id}/tags</c> or the upsert body.</param>
/// <param name="TagsToRemove">Tags to remove; only in Mirror mode and only when the current GHL tags were given.</param>
/// <param name="Source">GHL <c>source</c>: the Roezan contact's own source when mapped, else the account's default; null for none.</param>
/// <param name="UnmappedCustomFields">Roezan custom fields with a value but no mapping, which were not sent.</param>
public sealed record MappedContact(
    IReadOnlyDictionary<string, string> StandardFields,
    IReadOnlyList<MappedCustomField> CustomFields,
    IReadOnlyList<string> TagsToAdd,
    IReadOnlyList<string> TagsToRemove,
    string? Source,
    IReadOnlyList<string> UnmappedCustomFields);
