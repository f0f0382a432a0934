using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// The Conversations API of the simulator: one conversation per contact, its messages, inbound messages added by the
/// SMS provider, status updates, and the outbound messages a GHL user types. GHL's validations and quirks: a wrong
/// provider id fails, a missing one answers 201 with an empty body and adds nothing, a Private Integration token
/// (<c>pit-</c>) is refused, a status update is refused for <see cref="SimulatorSettings.StatusUpdateRefusalMs"/> after
/// the message was made, and the add can be a ghost write. Thread-safe: one lock guards the conversations.
/// </summary>
public sealed class SimulatedConversations
{
    private static readonly string[] InboundFields =
    [
        "type", "attachments", "message", "conversationId", "contactId", "conversationProviderId", "html", "subject",
        "emailFrom", "emailTo", "emailCc", "emailBcc", "emailMessageId", "altId", "direction", "date", "call",
    ];

    private static readonly string[] InboundTypes = ["SMS", "RCS", "Email", "WhatsApp", "GMB", "IG", "FB", "Custom", "WebChat", "Live_Chat", "Call", "IVR_Call", "Campaign_Call", "Campaign_VoiceMail", "TIKTOK", "ALL_IN_ONE_CHAT", "FORM_SUBMISSION"];

    private static readonly string[] Statuses = ["delivered", "failed", "pending", "read"];

    private readonly SimulatorState _state;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedConversation> _byId = new(StringComparer.Ordinal);

    // The spec's message returns no error, but GHL shows the provider's reason beside a failed message: tests read it here.
    private readonly Dictionary<string, List<(string Status, JsonObject? Error, DateTimeOffset At)>> _statusUpdates = new(StringComparer.Ordinal);

    internal SimulatedConversations(SimulatorState state) => _state = state;

    /// <summary><c>GET /conversations/search</c> by <c>locationId</c> and <c>contactId</c>.</summary>
    public SimResponse Search(string? tokenLocation, string? locationId, string? contactId, int limit)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return SimResponse.Invalid(["locationId should not be empty"]);
        }

        if (_state.Refusal(tokenLocation, locationId) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var found = _byId.Values
                .Where(c => c.LocationId == locationId && (contactId is null || c.ContactId == contactId))
                .Take(Math.Max(1, limit))
                .Select(c => (JsonNode)c.ToJson())
                .ToArray();
            return SimResponse.Ok(new JsonObject { ["conversations"] = new JsonArray(found), ["total"] = found.Length });
        }
    }

    /// <summary><c>POST /conversations/</c>: GHL keeps one conversation per contact and refuses a second.</summary>
    public SimResponse Create(string? tokenLocation, JsonObject body)
    {
        if (Check(body, ["locationId", "contactId"], ["locationId", "contactId"]) is { } invalid)
        {
            return invalid;
        }

        var locationId = Text(body, "locationId")!;
        var contactId = Text(body, "contactId")!;
        if ((_state.Refusal(tokenLocation, locationId) ?? MissingContact(locationId, contactId)) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (_byId.Values.Any(c => c.ContactId == contactId))
            {
                return SimResponse.Error(400, "Conversation already exists");
            }

            var conversation = new SimulatedConversation(_state.NewIdentifier(), locationId, contactId, _state.Time.GetUtcNow());
            _byId[conversation.Id] = conversation;
            return _state.GhostOrApplied(SimResponse.Created(new JsonObject { ["success"] = true, ["conversation"] = conversation.ToCreatedJson() }));
        }
    }

    /// <summary><c>GET /conversations/{conversationId}/messages</c>: newest first, <paramref name="limit"/> per page.</summary>
    public SimResponse ListMessages(string? tokenLocation, string conversationId, string? lastMessageId, int limit)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(conversationId, out var conversation))
            {
                return SimResponse.Error(400, "Conversation not found");
            }

            if (_state.Refusal(tokenLocation, conversation.LocationId) is { } refused)
            {
                return refused;
            }

            var newestFirst = Enumerable.Reverse(conversation.Messages).ToList();
            var start = lastMessageId is null ? 0 : newestFirst.FindIndex(m => m.Id == lastMessageId) + 1;
            var page = newestFirst.Skip(start).Take(Math.Clamp(limit, 1, 100)).ToList();
            return SimResponse.Ok(new JsonObject
            {
                ["lastMessageId"] = page.Count > 0 ? page[^1].Id : "",
                ["nextPage"] = start + page.Count < newestFirst.Count,
                ["messages"] = new JsonArray([.. page.Select(m => (JsonNode)m.Json.DeepClone())]),
            });
        }
    }

    /// <summary><c>POST /conversations/messages/inbound</c> from the SMS provider.</summary>
    public SimResponse AddInbound(string? tokenLocation, string token, JsonObject body)
    {
        if (Check(body, InboundFields, ["type", "conversationId", "contactId"]) is { } invalid)
        {
            return invalid;
        }

        if (!InboundTypes.Contains(Text(body, "type"), StringComparer.Ordinal))
        {
            return SimResponse.Invalid(["type must be one of the following values: " + string.Join(", ", InboundTypes)]);
        }

        if (token.StartsWith("pit-", StringComparison.Ordinal))
        {
            return SimResponse.Error(401, "You don't have access to the conversationProvider");
        }

        var providerId = Text(body, "conversationProviderId");
        if (providerId is null || _state.Settings.InboundAddsNothing)
        {
            // GHL's quirk: without a provider id a custom provider's message is not added, and the answer says nothing.
            return new SimResponse(201, null);
        }

        if (!string.Equals(providerId, _state.Settings.ConversationProviderId, StringComparison.Ordinal))
        {
            return SimResponse.Error(400, "No conversation provider found for conversationProviderId");
        }

        lock (_gate)
        {
            if (!_byId.TryGetValue(Text(body, "conversationId")!, out var conversation) || conversation.ContactId != Text(body, "contactId"))
            {
                return SimResponse.Error(400, "Conversation not found for this contact");
            }

            if (_state.Refusal(tokenLocation, conversation.LocationId) is { } refused)
            {
                return refused;
            }

            var date = Text(body, "date") is { } given && DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : _state.Time.GetUtcNow();
            var message = conversation.Add(_state.NewIdentifier(), "inbound", Text(body, "message"), date, "delivered", providerId, Text(body, "altId"), _state.Time.GetUtcNow());
            return _state.GhostOrApplied(SimResponse.Ok(new JsonObject
            {
                ["success"] = true,
                ["conversationId"] = conversation.Id,
                ["messageId"] = message.Id,
                ["message"] = "Message added successfully",
                ["contactId"] = conversation.ContactId,
                ["dateAdded"] = message.Json["dateAdded"]!.DeepClone(),
            }));
        }
    }

    /// <summary><c>PUT /conversations/messages/{messageId}/status</c>: only for the provider's outbound messages.</summary>
    public SimResponse UpdateStatus(string? tokenLocation, string token, string messageId, JsonObject body)
    {
        if (Check(body, ["status", "error", "emailMessageId", "recipients"], ["status"]) is { } invalid)
        {
            return invalid;
        }

        var status = Text(body, "status");
        if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            return SimResponse.Invalid(["status must be one of the following values: " + string.Join(", ", Statuses)]);
        }

        if (body["error"] is JsonObject error && (Text(error, "code") is null || Text(error, "type") is null || Text(error, "message") is null))
        {
            return SimResponse.Invalid(["error.code, error.type and error.message must be strings"]);
        }

        if (token.StartsWith("pit-", StringComparison.Ordinal))
        {
            return SimResponse.Error(401, "You don't have access to the conversationProvider");
        }

        lock (_gate)
        {
            var (conversation, message) = Find(messageId);
            if (message is null || conversation is null)
            {
                return SimResponse.Error(400, "Message not found");
            }

            if (_state.Refusal(tokenLocation, conversation.LocationId) is { } refused)
            {
                return refused;
            }

            if (message.Direction != "outbound" || message.Json["conversationProviderId"]?.GetValue<string>() != _state.Settings.ConversationProviderId)
            {
                return SimResponse.Error(403, "Only the message's conversation provider can update its status");
            }

            if (_state.Time.GetUtcNow() - message.CreatedAt < TimeSpan.FromMilliseconds(_state.Settings.StatusUpdateRefusalMs))
            {
                return SimResponse.Error(400, "Message is not ready for a status update yet");
            }

            message.Json["status"] = status;
            var updates = _statusUpdates.TryGetValue(message.Id, out var list) ? list : _statusUpdates[message.Id] = [];
            updates.Add((status!, body["error"]?.DeepClone() as JsonObject, _state.Time.GetUtcNow()));
            return SimResponse.Ok(new JsonObject { ["conversationId"] = conversation.Id, ["messageId"] = message.Id, ["status"] = status });
        }
    }

    /// <summary>The status updates GHL accepted for the message, oldest first, each with the provider's error (for <c>failed</c>) and when.</summary>
    public IReadOnlyList<(string Status, JsonObject? Error, DateTimeOffset At)> StatusUpdatesOf(string messageId)
    {
        lock (_gate)
        {
            return _statusUpdates.TryGetValue(messageId, out var updates) ? [.. updates] : [];
        }
    }

    /// <summary>
    /// A GHL user types <paramref name="text"/> to the contact in GHL's inbox with our provider as the SMS channel: an
    /// outbound message, pending, is added to the contact's conversation (made when missing). Returns the
    /// ProviderOutboundMessage payload GHL posts to the provider's delivery URL.
    /// </summary>
    public JsonObject UserReplies(string locationId, string contactId, string phone, string text, string userId)
    {
        lock (_gate)
        {
            var conversation = _byId.Values.FirstOrDefault(c => c.ContactId == contactId);
            if (conversation is null)
            {
                conversation = new SimulatedConversation(_state.NewIdentifier(), locationId, contactId, _state.Time.GetUtcNow());
                _byId[conversation.Id] = conversation;
            }

            var now = _state.Time.GetUtcNow();
            var message = conversation.Add(_state.NewIdentifier(), "outbound", text, now, "pending", _state.Settings.ConversationProviderId, null, now);
            return new JsonObject
            {
                ["contactId"] = contactId,
                ["locationId"] = locationId,
                ["messageId"] = message.Id,
                ["type"] = "SMS",
                ["phone"] = phone,
                ["message"] = text,
                ["attachments"] = new JsonArray(),
                ["userId"] = userId,
            };
        }
    }

    /// <summary>Copies of the messages of <paramref name="contactId"/>'s conversation, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> MessagesOf(string contactId)
    {
        lock (_gate)
        {
            return _byId.Values.FirstOrDefault(c => c.ContactId == contactId) is { } conversation
                ? [.. conversation.Messages.Select(m => m with { Json = (JsonObject)m.Json.DeepClone() })]
                : [];
        }
    }

    /// <summary>Copies of every message of <paramref name="locationId"/>, oldest first per conversation.</summary>
    public IReadOnlyList<SimulatedMessage> MessagesIn(string locationId)
    {
        lock (_gate)
        {
            return [.. _byId.Values.Where(c => c.LocationId == locationId).SelectMany(c => c.Messages).Select(m => m with { Json = (JsonObject)m.Json.DeepClone() })];
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
        }
    }

    private (SimulatedConversation?, SimulatedMessage?) Find(string messageId)
    {
        foreach (var conversation in _byId.Values)
        {
            if (conversation.Messages.FirstOrDefault(m => m.Id == messageId) is { } message)
            {
                return (conversation, message);
            }
        }

        return (null, null);
    }

    private SimResponse? MissingContact(string locationId, string contactId) =>
        _state.LocationOfContact(contactId) == locationId ? null : SimResponse.Error(400, "Contact not found");

    private static SimResponse? Check(JsonObject body, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var problems = body.Select(pair => pair.Key).Where(name => !allowed.Contains(name)).Select(name => $"property {name} should not exist").ToList();
        problems.AddRange(required.Where(name => Text(body, name) is not { Length: > 0 }).Select(name => $"{name} should not be empty"));
        problems.AddRange(body.Where(pair => pair.Value is JsonValue value && value.GetValueKind() != JsonValueKind.String && pair.Key is not ("direction" or "call")).Select(pair => $"{pair.Key} must be a string"));
        return problems.Count == 0 ? null : SimResponse.Invalid(problems);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
