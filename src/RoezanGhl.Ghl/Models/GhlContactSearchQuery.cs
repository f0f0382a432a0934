namespace RoezanGhl.Ghl.Models;

/// <summary>
/// Parameters of <c>POST /contacts/search</c> as reconciliation uses it: the contacts whose <c>dateUpdated</c> is at
/// or after <see cref="UpdatedSince"/>, oldest change first. <see cref="SearchAfter"/> is GHL's cursor, copied verbatim
/// (as JSON text) from the previous page's <see cref="GhlContactSearchPage.NextSearchAfter"/>; null starts at the
/// beginning. The filter and the sort must stay the same while a walk follows the cursor.
/// </summary>
public sealed record GhlContactSearchQuery
{
    public required DateTimeOffset UpdatedSince { get; init; }

    /// <summary>Page size, 1..500 (GHL's limit); null uses <c>Ghl:PageSize</c>.</summary>
    public int? PageLimit { get; init; }

    /// <summary>The last contact's <c>searchAfter</c> array of the previous page, as JSON text.</summary>
    public string? SearchAfter { get; init; }
}
