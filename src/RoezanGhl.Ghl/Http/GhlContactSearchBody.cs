using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// The body of <c>POST /contacts/search</c> for "changed since", and the cursor of its answer. The spec's
/// <c>SearchBodyV2DTO</c> is an empty object that points to GHL's search documentation, which gives <c>locationId</c>,
/// <c>pageLimit</c> (≤ 500), <c>filters</c> (<c>dateUpdated</c> supports <c>range</c>), <c>sort</c> (<c>dateUpdated</c>
/// is sortable) and <c>searchAfter</c> (the last contact's array, copied verbatim; never sent with <c>page</c>).
/// </summary>
internal static class GhlContactSearchBody
{
    public const int MaxPageLimit = 500;

    public static ByteArrayContent Create(string locationId, GhlContactSearchQuery query, int pageLimit)
    {
        var body = new JsonObject
        {
            ["locationId"] = locationId,
            ["pageLimit"] = pageLimit,
            ["filters"] = new JsonArray(new JsonObject
            {
                ["field"] = "dateUpdated",
                ["operator"] = "range",
                ["value"] = new JsonObject { ["gte"] = query.UpdatedSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
            }),
            ["sort"] = new JsonArray(new JsonObject { ["field"] = "dateUpdated", ["direction"] = "asc" }),
        };
        if (query.SearchAfter is { Length: > 0 } after)
        {
            body["searchAfter"] = JsonNode.Parse(after);
        }

        return GhlRequestContent.Json(body, GhlJsonContext.Default.JsonObject);
    }

    /// <summary>The page, with the last contact's <c>searchAfter</c> as the next cursor unless the page is short.</summary>
    public static GhlContactSearchPage ToPage(GhlContactSearchResponse response, int pageLimit)
    {
        var contacts = response.Contacts;
        string? next = null;
        if (contacts.Count >= pageLimit && contacts[^1].AdditionalData?.TryGetValue("searchAfter", out var after) == true && after.ValueKind == JsonValueKind.Array)
        {
            next = after.GetRawText();
        }

        return new GhlContactSearchPage(contacts, response.Total, next);
    }
}
