using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.UnitTestSupport.Webhooks;

/// <summary>GHL webhook bodies as HighLevel sends them, with made-up data (555-01xx phones, example.com emails).</summary>
public static class GhlSampleEvents
{
    public const string LocationId = "loc-acme";

    public static string ContactUpdate(
        string webhookId,
        DateTimeOffset timestamp,
        string contactId = "ghl-c-1",
        string? phone = "+12015550123",
        string? firstName = "Ana",
        string? email = "ana@example.com",
        string[]? tags = null,
        string type = "ContactUpdate",
        string locationId = LocationId,
        DateTimeOffset? dateUpdated = null)
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["locationId"] = locationId,
            ["webhookId"] = webhookId,
            ["timestamp"] = Time(timestamp),
            ["id"] = contactId,
            ["firstName"] = firstName,
            ["lastName"] = "Lopez",
            ["email"] = email,
            ["phone"] = phone,
            ["tags"] = new JsonArray([.. (tags ?? ["vip"]).Select(tag => (JsonNode?)JsonValue.Create(tag))]),
            ["dateAdded"] = Time(timestamp.AddDays(-1)),
            ["dateUpdated"] = Time(dateUpdated ?? timestamp),
        };
        return body.ToJsonString();
    }

    public static string NoteCreate(string webhookId, DateTimeOffset timestamp, string contactId = "ghl-c-1", string locationId = LocationId) =>
        new JsonObject
        {
            ["type"] = "NoteCreate",
            ["locationId"] = locationId,
            ["webhookId"] = webhookId,
            ["timestamp"] = Time(timestamp),
            ["id"] = "note-" + webhookId,
            ["contactId"] = contactId,
            ["body"] = "Called back, wants Friday",
            ["dateAdded"] = Time(timestamp),
        }.ToJsonString();

    /// <summary>A type the sync does not apply (HighLevel sends many: OpportunityCreate, InboundMessage, …).</summary>
    public static string Other(string webhookId, DateTimeOffset timestamp, string type = "OpportunityCreate", string locationId = LocationId) =>
        new JsonObject
        {
            ["type"] = type,
            ["locationId"] = locationId,
            ["webhookId"] = webhookId,
            ["timestamp"] = Time(timestamp),
            ["id"] = "opp-1",
        }.ToJsonString();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
