using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>Webhook bodies for the end-to-end tests (obviously fake people and 555 numbers).</summary>
internal static class RoezanEvents
{
    // Non-ASCII as UTF-8, as Roezan sends it (not \uXXXX, which would make a large body six times larger).
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = StorageJsonEncoder.Instance };

    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public static string ContactCreated(string id, string contactId, string phone, string? email = null, string? firstName = null, string? lastName = null, string[]? tags = null, DateTimeOffset? at = null) =>
        Event(id, "contact.created", at, new JsonObject { ["contact"] = Contact(contactId, phone, email, firstName, lastName, tags, null) });

    public static string ContactUpdated(string id, string contactId, string? phone, string? email = null, string? firstName = null, string? lastName = null, string[]? tags = null, string? note = null, DateTimeOffset? at = null) =>
        Event(id, "contact.updated", at, new JsonObject { ["contact"] = Contact(contactId, phone, email, firstName, lastName, tags, note) });

    /// <summary>
    /// The ledger key and note <c>ref:</c> of a message made by <see cref="Message"/>: a <c>message.received</c>
    /// is keyed by its message id (<see cref="RoezanMessageEventId"/>), whichever path brings it.
    /// </summary>
    public static string MessageKey(string id) => RoezanMessageEventId.For("m_" + id);

    public static string Message(string id, string from, string body, string? fromName = null, string? contactId = null, DateTimeOffset? at = null) =>
        Event(id, "message.received", at, new JsonObject
        {
            ["message"] = Clean(new JsonObject
            {
                ["id"] = "m_" + id,
                ["from"] = from,
                ["fromName"] = fromName,
                ["body"] = body,
                ["receivedAt"] = Time(at ?? T0),
                ["contactId"] = contactId,
            }),
        });

    public static string TaskEvent(string id, string type, string taskId, string contactId, string? title = null, string? body = null, DateTimeOffset? due = null, bool? completed = null, DateTimeOffset? at = null) =>
        Event(id, type, at, new JsonObject
        {
            ["task"] = Clean(new JsonObject
            {
                ["id"] = taskId,
                ["contactId"] = contactId,
                ["title"] = title,
                ["body"] = body,
                ["dueDate"] = due is { } d ? Time(d) : null,
                ["completed"] = completed,
            }),
        });

    public static string Note(string id, string contactId, string body, DateTimeOffset? at = null) =>
        Event(id, "note.created", at, new JsonObject { ["note"] = new JsonObject { ["id"] = "n_" + id, ["contactId"] = contactId, ["body"] = body } });

    private static JsonObject Contact(string contactId, string? phone, string? email, string? firstName, string? lastName, string[]? tags, string? note) =>
        Clean(new JsonObject
        {
            ["id"] = contactId,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["phone"] = phone,
            ["email"] = email,
            ["tags"] = tags is null ? null : new JsonArray([.. tags.Select(tag => (JsonNode?)JsonValue.Create(tag))]),
            ["note"] = note,
        });

    private static string Event(string id, string type, DateTimeOffset? at, JsonObject data) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["occurredAt"] = Time(at ?? T0),
            ["accountId"] = AppTestHost.AccountId,
            ["data"] = data,
        }.ToJsonString(Options);

    private static JsonObject Clean(JsonObject value)
    {
        foreach (var key in value.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            value.Remove(key);
        }

        return value;
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
