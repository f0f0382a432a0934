using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>One contact's conversation and its messages, oldest first. Guarded by <see cref="SimulatedConversations"/>' lock.</summary>
internal sealed class SimulatedConversation(string id, string locationId, string contactId, DateTimeOffset created)
{
    public string Id { get; } = id;

    public string LocationId { get; } = locationId;

    public string ContactId { get; } = contactId;

    public List<SimulatedMessage> Messages { get; } = [];

    public SimulatedMessage Add(string id, string direction, string? body, DateTimeOffset date, string status, string providerId, string? altId, DateTimeOffset now)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["type"] = 2,
            ["messageType"] = "TYPE_SMS",
            ["locationId"] = LocationId,
            ["contactId"] = ContactId,
            ["conversationId"] = Id,
            ["dateAdded"] = Format(date),
            ["body"] = body,
            ["direction"] = direction,
            ["status"] = status,
            ["contentType"] = "text/plain",
            ["source"] = direction == "inbound" ? "api" : "app",
            ["conversationProviderId"] = providerId,
        };
        var message = new SimulatedMessage(json, altId, now);
        Messages.Add(message);
        return message;
    }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["contactId"] = ContactId,
        ["locationId"] = LocationId,
        ["lastMessageBody"] = Messages.Count > 0 ? Messages[^1].Body : "",
        ["lastMessageType"] = "TYPE_SMS",
        ["type"] = "TYPE_PHONE",
        ["unreadCount"] = 0,
        ["fullName"] = "",
        ["contactName"] = "",
        ["email"] = "",
        ["phone"] = "",
    };

    public JsonObject ToCreatedJson() => new()
    {
        ["id"] = Id,
        ["dateUpdated"] = Format(created),
        ["dateAdded"] = Format(created),
        ["deleted"] = false,
        ["contactId"] = ContactId,
        ["locationId"] = LocationId,
        ["lastMessageDate"] = Format(created),
    };

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
