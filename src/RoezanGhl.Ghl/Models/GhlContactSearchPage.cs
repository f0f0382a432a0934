namespace RoezanGhl.Ghl.Models;

/// <summary>
/// One page of <c>POST /contacts/search</c>, with the cursor of the next page (the last contact's <c>searchAfter</c>,
/// as JSON text), or null when this page is the last.
/// </summary>
public sealed record GhlContactSearchPage(IReadOnlyList<GhlContact> Contacts, long? Total, string? NextSearchAfter);
