using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// POST /contacts/search, the part reconciliation reads: filters on dateUpdated/dateAdded by range, sorted by one of
// them, paged by searchAfter (the last contact's [sort value in ms, id]) or by page.
public sealed partial class SimulatorState
{
    private static readonly string[] DateFields = ["dateUpdated", "dateAdded"];

    /// <summary>
    /// <c>POST /contacts/search</c> as GHL's search documentation describes it (the spec's body is an empty object):
    /// <c>locationId</c>, <c>pageLimit</c> (1..500), <c>filters</c> (here only <c>dateUpdated</c>/<c>dateAdded</c> with
    /// <c>range</c> {gte, gt, lte, lt}; anything else is 422), <c>sort</c> (one of those two, asc or desc; default
    /// dateAdded asc), <c>searchAfter</c> or <c>page</c> (not both). Each contact carries its <c>searchAfter</c>.
    /// </summary>
    public SimResponse SearchContacts(string? tokenLocation, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var locationId = Text(body, "locationId");
        var pageLimit = body["pageLimit"] is JsonValue limitValue && limitValue.TryGetValue<int>(out var limit) ? limit : 0;
        var errors = new List<string>();
        if (string.IsNullOrEmpty(locationId)) errors.Add("locationId should not be empty");
        if (pageLimit is < 1 or > 500) errors.Add("pageLimit must be between 1 and 500");
        if (body["searchAfter"] is not null && body["page"] is not null) errors.Add("searchAfter and page cannot be used together");
        var filters = ReadFilters(body["filters"], errors);
        var (sortField, descending) = ReadSort(body["sort"], errors);
        if (errors.Count > 0)
        {
            return SimResponse.Invalid(errors);
        }

        lock (_gate)
        {
            if (Authorize(tokenLocation, locationId!) is { } denied)
            {
                return denied;
            }

            var matching = Location(locationId!).Contacts.Values.Where(contact => filters.All(filter => filter(contact))).ToList();
            var ordered = (descending
                ? matching.OrderByDescending(contact => DateMs(contact, sortField)).ThenByDescending(Id, StringComparer.Ordinal)
                : matching.OrderBy(contact => DateMs(contact, sortField)).ThenBy(Id, StringComparer.Ordinal)).ToList();
            IEnumerable<JsonObject> after = ordered;
            if (body["searchAfter"] is JsonArray { Count: 2 } cursor && cursor[0] is JsonValue msValue && msValue.TryGetValue<long>(out var ms))
            {
                var id = cursor[1]?.GetValue<string>() ?? "";
                after = ordered.Where(contact => Compare(DateMs(contact, sortField), Id(contact), ms, id) * (descending ? -1 : 1) > 0);
            }
            else if (body["page"] is JsonValue pageValue && pageValue.TryGetValue<int>(out var page) && page > 1)
            {
                after = ordered.Skip((page - 1) * pageLimit);
            }

            var contacts = new JsonArray();
            foreach (var contact in after.Take(pageLimit))
            {
                var copy = (JsonObject)contact.DeepClone();
                copy["searchAfter"] = new JsonArray(DateMs(contact, sortField), Id(contact));
                contacts.Add(copy);
            }

            return SimResponse.Ok(new JsonObject { ["contacts"] = contacts, ["total"] = matching.Count });
        }
    }

    private static List<Func<JsonObject, bool>> ReadFilters(JsonNode? node, List<string> errors)
    {
        var filters = new List<Func<JsonObject, bool>>();
        foreach (var filter in node as JsonArray ?? [])
        {
            var field = filter?["field"]?.GetValue<string>();
            if (!DateFields.Contains(field) || filter?["operator"]?.GetValue<string>() != "range" || filter["value"] is not JsonObject range)
            {
                errors.Add($"the simulator's search supports only a range filter on {string.Join(" or ", DateFields)}");
                continue;
            }

            foreach (var (bound, value) in range)
            {
                if (value?.GetValue<string>() is not { } text || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    errors.Add($"range {bound} must be an ISO 8601 date");
                    continue;
                }

                var limit = at.ToUnixTimeMilliseconds();
                Func<long, bool>? test = bound switch
                {
                    "gte" => ms => ms >= limit,
                    "gt" => ms => ms > limit,
                    "lte" => ms => ms <= limit,
                    "lt" => ms => ms < limit,
                    _ => null,
                };
                if (test is null)
                {
                    errors.Add($"range supports gte, gt, lte and lt, not {bound}");
                    continue;
                }

                filters.Add(contact => test(DateMs(contact, field!)));
            }
        }

        return filters;
    }

    private static (string Field, bool Descending) ReadSort(JsonNode? node, List<string> errors)
    {
        if (node is not JsonArray { Count: > 0 } sorts)
        {
            return ("dateAdded", false);
        }

        var field = sorts[0]?["field"]?.GetValue<string>();
        var direction = sorts[0]?["direction"]?.GetValue<string>() ?? "asc";
        if (sorts.Count > 1 || !DateFields.Contains(field) || direction is not ("asc" or "desc"))
        {
            errors.Add($"the simulator's search sorts by one of {string.Join(" or ", DateFields)}, asc or desc");
            return ("dateAdded", false);
        }

        return (field!, direction == "desc");
    }

    private static long DateMs(JsonObject contact, string field) =>
        Text(contact, field) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() : 0;

    private static string Id(JsonObject contact) => contact["id"]!.GetValue<string>();

    private static int Compare(long ms, string id, long afterMs, string afterId) =>
        ms != afterMs ? ms.CompareTo(afterMs) : string.CompareOrdinal(id, afterId);
}
