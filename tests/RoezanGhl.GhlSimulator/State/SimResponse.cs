using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>What an operation answers: a status and a JSON body, or a dropped connection.</summary>
public sealed record SimResponse(int Status, JsonNode? Body, bool Abort = false)
{
    public static SimResponse Ok(JsonNode body) => new(200, body);

    public static SimResponse Created(JsonNode body) => new(201, body);

    public static SimResponse Error(int status, string message, JsonObject? meta = null)
    {
        var body = new JsonObject { ["statusCode"] = status, ["message"] = message, ["traceId"] = Guid.NewGuid().ToString() };
        if (meta is not null)
        {
            body["meta"] = meta;
        }

        return new SimResponse(status, body);
    }

    /// <summary>422 with an array <c>message</c>, as GHL's validation answers.</summary>
    public static SimResponse Invalid(IEnumerable<string> messages) =>
        new(422, new JsonObject
        {
            ["statusCode"] = 422,
            ["message"] = new JsonArray([.. messages.Select(m => (JsonNode)JsonValue.Create(m))]),
            ["error"] = "Unprocessable Entity",
            ["traceId"] = Guid.NewGuid().ToString(),
        });
}
