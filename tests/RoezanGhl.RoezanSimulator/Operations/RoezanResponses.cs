using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Webhooks;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>
/// Every body the simulated Roezan API answers, in one place. UNVERIFIED: Roezan documents no API;
/// the request paths and the <c>{contact:{id, phone_number, opted_in, opted_out_at, invalid,
/// deleted}}</c> and <c>{messages:[{id, content, created_at}]}</c> shapes come from public client code
/// (shared/roezan/README.md); everything else (the optional contact fields, the send answer, the
/// Laravel-style <c>{message, errors}</c> 422, the error wording, 422 for an opted-out recipient) is our
/// best guess. When the real API is seen, change it here and the simulator follows.
/// </summary>
internal static class RoezanResponses
{
    public static SimResponse Contact(RoezanContact contact, int status = 200) =>
        new(status, new JsonObject { ["contact"] = ContactJson(contact) });

    public static SimResponse Messages(IEnumerable<RoezanMessage> messages) =>
        new(200, new JsonObject { ["messages"] = new JsonArray([.. messages.Select(message => (JsonNode)MessageJson(message))]) });

    /// <summary>The answer to a send: the recorded message, whose <c>id</c> a caller keeps to look it up.</summary>
    public static SimResponse Sent(RoezanMessage message) =>
        new(200, new JsonObject { ["message"] = MessageJson(message) });

    public static SimResponse Unauthenticated() => Message(401, "Invalid or missing API key.");

    public static SimResponse NotFound(string what) => Message(404, $"{what} not found.");

    public static SimResponse BadJson() => Message(400, "The body must be a JSON object.");

    public static SimResponse TooManyRequests() => Message(429, "Too many requests, please try again later.");

    public static SimResponse ServerError(int status) => Message(status, status switch
    {
        503 => "Service unavailable.",
        504 => "Gateway timeout.",
        _ => "Server error.",
    });

    /// <summary>422 naming each bad field: <c>{"message": first message, "errors": {field: [messages]}}</c>.</summary>
    public static SimResponse Invalid(IReadOnlyDictionary<string, List<string>> errors) =>
        new(422, new JsonObject
        {
            ["message"] = errors.Values.First()[0],
            ["errors"] = new JsonObject(errors.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonBuilding.Strings(pair.Value)))),
        });

    /// <summary>
    /// A send Roezan will not make for this recipient (opted out, invalid or deleted number). 422: the
    /// request is well formed but cannot be carried out, and, being a 4xx, is not retried by clients;
    /// <c>code</c> says why, so a caller can record an opt-out instead of failing.
    /// </summary>
    public static SimResponse Refused(string code, string message) =>
        new(422, new JsonObject { ["message"] = message, ["code"] = code, ["errors"] = new JsonObject { ["phone"] = new JsonArray(message) } });

    private static SimResponse Message(int status, string message) => new(status, new JsonObject { ["message"] = message });

    private static JsonObject ContactJson(RoezanContact contact)
    {
        var json = new JsonObject
        {
            ["id"] = contact.Id,
            ["phone_number"] = contact.Phone,
            ["opted_in"] = contact.OptedIn,
            ["opted_out_at"] = contact.OptedOutAt is { } at ? RoezanWebhookEvents.Time(at) : null,
            ["invalid"] = contact.Invalid,
            ["deleted"] = contact.Deleted,
        };
        json.SetIfPresent("first_name", contact.FirstName);
        json.SetIfPresent("last_name", contact.LastName);
        json.SetIfPresent("email", contact.Email);
        if (contact.Tags.Count > 0)
        {
            json["tags"] = JsonBuilding.Strings(contact.Tags);
        }

        if (contact.Lists.Count > 0)
        {
            json["lists"] = JsonBuilding.Strings(contact.Lists);
        }

        return json;
    }

    private static JsonObject MessageJson(RoezanMessage message) => new()
    {
        ["id"] = message.Id,
        ["contact_id"] = message.ContactId,
        ["content"] = message.Content,
        ["created_at"] = RoezanWebhookEvents.Time(message.CreatedAt),
        ["direction"] = message.Direction == MessageDirection.Inbound ? "inbound" : "outbound",
        ["status"] = message.Status.ToString(),
        ["media"] = JsonBuilding.Strings(message.Media),
    };
}
