using System.Globalization;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl;

// The Conversations API (Version 2021-04-15, Ghl:ConversationsApiVersion): what a conversation provider needs to add
// inbound SMS to a contact's thread and to report the delivery of what GHL's users send. Needs a marketplace OAuth
// token: GHL refuses conversation providers to Private Integration tokens.
public partial class GhlContactsClient
{
    /// <summary>The contact's conversation (<c>GET /conversations/search?locationId&amp;contactId&amp;limit=1</c>), or null when it has none.</summary>
    public virtual async Task<GhlConversation?> FindConversationAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        KeyValuePair<string, string?>[] query = [new("locationId", locationId), new("contactId", contactId), new("limit", "1")];
        var response = await SendAsync(locationId, GhlOperations.SearchConversations, "/conversations/search", query, null, GhlJsonContext.Default.GhlConversationSearchResponse, cancellationToken).ConfigureAwait(false);
        return response.Conversations.FirstOrDefault(conversation => conversation.Id.Length > 0 && string.Equals(conversation.ContactId, contactId, StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>POST /conversations/</c>. Not repeated once it may have reached GHL: GHL keeps one conversation per contact,
    /// so after an unknown outcome or a refusal search again (<see cref="FindConversationAsync"/>).
    /// </summary>
    public virtual async Task<GhlConversation> CreateConversationAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var body = GhlRequestContent.Json(new GhlCreateConversationRequest { LocationId = locationId, ContactId = contactId }, GhlJsonContext.Default.GhlCreateConversationRequest);
        var response = await SendAsync(locationId, GhlOperations.CreateConversation, "/conversations/", null, body, GhlJsonContext.Default.GhlCreateConversationResponse, cancellationToken).ConfigureAwait(false);
        return response.Conversation is { Id.Length: > 0 } conversation ? conversation : throw MissingBody(locationId, GhlOperations.CreateConversation, "conversation");
    }

    /// <summary>
    /// <c>POST /conversations/messages/inbound</c>. Not repeated once it may have reached GHL (see
    /// <see cref="GhlApiException.OutcomeUnknown"/>): look for the message in the conversation
    /// (<see cref="GetConversationMessagesAsync"/>) before adding it again. GHL has been seen to answer 2xx and add
    /// nothing (a provider id it does not expect): an answer without a message id is a permanent failure.
    /// </summary>
    public virtual async Task<GhlInboundMessageResult> AddInboundMessageAsync(string locationId, GhlInboundMessageRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ContactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ConversationProviderId);
        var body = GhlRequestContent.Json(message, GhlJsonContext.Default.GhlInboundMessageRequest);
        GhlInboundMessageResult? result;
        try
        {
            result = await SendAsync(locationId, GhlOperations.AddInboundMessage, "/conversations/messages/inbound", null, body, GhlJsonContext.Default.GhlInboundMessageResult, cancellationToken).ConfigureAwait(false);
        }
        catch (GhlApiException exception) when (exception.StatusCode is null && exception.Kind == GhlErrorKind.Permanent && exception.Operation == GhlOperations.AddInboundMessage.Display)
        {
            // An empty 2xx body: GHL took the request and added nothing.
            result = null;
        }

        return result is { MessageId.Length: > 0 }
            ? result
            : throw new GhlApiException($"GHL {GhlOperations.AddInboundMessage} for location '{locationId}' answered without a message id: nothing was added (check the location's conversation provider id).", GhlErrorKind.Permanent)
            {
                LocationId = locationId,
                Operation = GhlOperations.AddInboundMessage.Display,
            };
    }

    /// <summary>
    /// One page of the conversation's messages, newest first (<c>GET /conversations/{conversationId}/messages</c>);
    /// <paramref name="lastMessageId"/> is the previous page's <see cref="GhlConversationMessagesPage.LastMessageId"/>.
    /// </summary>
    public virtual Task<GhlConversationMessagesPage> GetConversationMessagesAsync(string locationId, string conversationId, string? lastMessageId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        KeyValuePair<string, string?>[] query = [new("lastMessageId", lastMessageId), new("limit", limit.ToString(CultureInfo.InvariantCulture))];
        return SendAsync(locationId, GhlOperations.ListConversationMessages, $"/conversations/{Escape(conversationId)}/messages", query, null, GhlJsonContext.Default.GhlConversationMessagesPage, cancellationToken);
    }

    /// <summary>
    /// <c>PUT /conversations/messages/{messageId}/status</c>: the provider's delivery status of a message a GHL user
    /// sent. Only the provider app's own token may set it, and GHL may refuse it for a few seconds after the message
    /// was created (a 4xx the caller retries for a while).
    /// </summary>
    public virtual Task<GhlMessageStatusResult> UpdateMessageStatusAsync(string locationId, string messageId, GhlMessageStatusRequest status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(status.Status);
        var body = GhlRequestContent.Json(status, GhlJsonContext.Default.GhlMessageStatusRequest);
        return SendAsync(locationId, GhlOperations.UpdateMessageStatus, $"/conversations/messages/{Escape(messageId)}/status", null, body, GhlJsonContext.Default.GhlMessageStatusResult, cancellationToken);
    }
}
