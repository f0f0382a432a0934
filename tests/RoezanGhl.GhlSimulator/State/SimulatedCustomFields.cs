using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// The custom field definitions of each location, as <c>GET /locations/{locationId}/customFields</c> lists them
/// (<c>{ customFields: [{ id, name, fieldKey, dataType, model, locationId }] }</c>). Tests add them; none by default.
/// </summary>
public sealed class SimulatedCustomFields
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _byLocation = new(StringComparer.Ordinal);

    /// <summary>Defines a contact custom field (<paramref name="key"/> such as <c>contact.plan</c>) and returns its id.</summary>
    public string Add(string locationId, string name, string key, string dataType = "TEXT")
    {
        var id = "cf_" + Guid.NewGuid().ToString("N")[..12];
        _byLocation.GetOrAdd(locationId, _ => new()).Enqueue(new JsonObject
        {
            ["id"] = id, ["name"] = name, ["fieldKey"] = key, ["dataType"] = dataType, ["model"] = "contact", ["locationId"] = locationId,
        });
        return id;
    }

    /// <summary>The answer for the token's location: 403 for another location's list, as GHL answers.</summary>
    public SimResponse List(string? tokenLocation, string locationId, string? model)
    {
        if (!string.Equals(tokenLocation, locationId, StringComparison.Ordinal))
        {
            return SimResponse.Error(403, "The token does not have access to this location.");
        }

        var fields = _byLocation.TryGetValue(locationId, out var defined) ? defined.ToArray() : [];
        var shown = fields.Where(field => model is null or "all" || (string?)field["model"] == model).Select(field => (JsonNode)field.DeepClone());
        return SimResponse.Ok(new JsonObject { ["customFields"] = new JsonArray([.. shown]) });
    }
}
