using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>
/// The webhook bodies, in OUR contract (docs/webhook.md,
/// <c>src/RoezanGhl.Core/Events/roezan-event.schema.json</c>): Roezan publishes no webhook format,
/// so this is what we ask Roezan to send. One place, so the contract is changed in one place.
/// </summary>
public static class RoezanWebhookEvents
{
    public const string ContactCreated = "contact.created";
    public const string ContactUpdated = "contact.updated";
    public const string MessageReceived = "message.received";
    public const string MessageStatus = "message.status";

    /// <summary>The carrier's code and reason the simulator gives an undelivered text (Twilio's "unreachable destination handset").</summary>
    public const string UndeliveredCode = "30003";
    public const string UndeliveredReason = "Unreachable destination handset";

    // "+1…" rather than "\u002B1…": readable in recordings; the signature covers the bytes either way.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>contact.created</c> / <c>contact.updated</c>. The contract gains two optional members on
    /// <c>data.contact</c> here: <c>optedOut</c> (always sent) and <c>optedOutAt</c> (when opted
    /// out), which carry a STOP to the sync; the schema allows unknown members, so receivers that do
    /// not read them yet are unaffected.
    /// </summary>
    public static string ContactChanged(string eventId, string type, RoezanContact contact, DateTimeOffset occurredAt) =>
        Envelope(eventId, type, contact.AccountId, occurredAt, new JsonObject { ["contact"] = Contact(contact) });

    /// <summary><c>message.received</c>: an SMS from <paramref name="contact"/>'s phone.</summary>
    public static string MessageReceivedFrom(string eventId, RoezanMessage message, RoezanContact contact, string? fromName)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["from"] = message.Phone,
            ["body"] = message.Content,
            ["receivedAt"] = Time(message.CreatedAt),
            ["contactId"] = contact.Id,
        };
        json.SetIfPresent("fromName", fromName ?? FullName(contact));
        return Envelope(eventId, MessageReceived, message.AccountId, message.CreatedAt, new JsonObject { ["message"] = json });
    }

    /// <summary><c>message.status</c>: the delivery status of a text sent through the API, with the carrier's code and reason when undelivered.</summary>
    public static string MessageStatusOf(string eventId, RoezanMessage message, State.MessageStatus status, DateTimeOffset at)
    {
        var json = new JsonObject { ["id"] = message.Id, ["status"] = status.ToString(), ["statusAt"] = Time(at) };
        if (status == State.MessageStatus.Undelivered)
        {
            json["errorCode"] = UndeliveredCode;
            json["errorMessage"] = UndeliveredReason;
        }

        return Envelope(eventId, MessageStatus, message.AccountId, at, new JsonObject { ["message"] = json });
    }

    /// <summary>RFC 3339 in UTC with milliseconds, as the contract's date-times.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Contact(RoezanContact contact)
    {
        // A field Roezan holds no value for is left out rather than sent as null.
        var json = new JsonObject { ["id"] = contact.Id, ["phone"] = contact.Phone };
        json.SetIfPresent("firstName", contact.FirstName);
        json.SetIfPresent("lastName", contact.LastName);
        json.SetIfPresent("email", contact.Email);
        json["tags"] = JsonBuilding.Strings(contact.Tags);
        json["optedOut"] = contact.OptedOut;
        json.SetIfPresent("optedOutAt", contact.OptedOutAt is { } optedOutAt ? Time(optedOutAt) : null);
        return json;
    }

    private static string Envelope(string eventId, string type, string accountId, DateTimeOffset occurredAt, JsonObject data) =>
        new JsonObject
        {
            ["id"] = eventId,
            ["type"] = type,
            ["occurredAt"] = Time(occurredAt),
            ["accountId"] = accountId,
            ["data"] = data,
        }.ToJsonString(Output);


    private static string? FullName(RoezanContact contact)
    {
        var name = $"{contact.FirstName} {contact.LastName}".Trim();
        return name.Length == 0 ? null : name;
    }
}
