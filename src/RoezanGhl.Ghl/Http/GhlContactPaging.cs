using System.Globalization;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// How <see cref="GhlContactsClient"/> pages through contacts: <c>GET /contacts/</c> by GHL's cursor
/// (<c>startAfterId</c> + <c>startAfter</c>), business contacts by skip/limit. Null parameters are not sent.
/// </summary>
internal static class GhlContactPaging
{
    public static KeyValuePair<string, string?>[] ListParameters(string locationId, GhlContactListQuery query, int limit) =>
    [
        new("locationId", locationId),
        new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        new("startAfterId", query.StartAfterId),
        new("startAfter", query.StartAfter?.ToString(CultureInfo.InvariantCulture)),
        new("query", query.Query),
    ];

    /// <summary>The page, with the next page's cursor unless this one is the last.</summary>
    public static GhlContactPage ToPage(GhlContactListQuery query, int limit, GhlContactListResponse response)
    {
        var meta = response.Meta;
        // The last page is short, or carries no cursor; a cursor that does not move would loop forever.
        var hasNext = response.Contacts.Count >= limit
            && meta?.StartAfterId is { Length: > 0 } nextId
            && (nextId != query.StartAfterId || meta.StartAfter != query.StartAfter);
        var next = hasNext ? query with { StartAfterId = meta!.StartAfterId, StartAfter = meta.StartAfter } : null;
        return new GhlContactPage(response.Contacts, meta?.Total ?? response.Count, next);
    }

    public static KeyValuePair<string, string?>[] BusinessParameters(string locationId, int limit, int skip, string? query) =>
    [
        new("locationId", locationId),
        new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        new("skip", skip.ToString(CultureInfo.InvariantCulture)),
        new("query", query),
    ];
}
