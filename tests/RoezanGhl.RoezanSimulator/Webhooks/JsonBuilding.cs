using System.Text.Json.Nodes;

namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>The two moves every body builder here makes: a string array, and a member left out when it has no value.</summary>
internal static class JsonBuilding
{
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);

    public static void SetIfPresent(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
