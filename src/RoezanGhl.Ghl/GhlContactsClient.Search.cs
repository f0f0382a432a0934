using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl;

// "Changed since": the contacts search filtered and sorted by dateUpdated, for reconciliation's catch-up.
public partial class GhlContactsClient
{
    /// <summary>
    /// One page of <c>POST /contacts/search</c> (<c>search-contacts-advanced</c>): contacts with <c>dateUpdated</c> at or
    /// after <see cref="GhlContactSearchQuery.UpdatedSince"/>, oldest change first; pass the returned
    /// <see cref="GhlContactSearchPage.NextSearchAfter"/> to get the next.
    /// </summary>
    public virtual async Task<GhlContactSearchPage> SearchContactsUpdatedSinceAsync(string locationId, GhlContactSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.PageLimit ?? _options.PageSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, GhlContactSearchBody.MaxPageLimit, nameof(query));
        var body = GhlContactSearchBody.Create(locationId, query, limit);
        var response = await SendAsync(locationId, GhlOperations.SearchContacts, "/contacts/search", null, body, GhlJsonContext.Default.GhlContactSearchResponse, cancellationToken).ConfigureAwait(false);
        return GhlContactSearchBody.ToPage(response, limit);
    }
}
