using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Runs an <see cref="AddInboundMessageStep"/>: finds the contact's conversation (or makes it: GHL keeps one per
/// contact, so a refused or doubtful create is followed by another search), then adds the message once. An add whose
/// outcome is unknown (timeout or 5xx after sending), or an earlier attempt that may have added it, is followed by a
/// look through the conversation's newest messages for it (inbound, same text, the same date to the millisecond: the
/// spec's messages carry no <c>altId</c>), and what is found is adopted instead of added again.
/// </summary>
internal sealed class InboundMessageAdder(GhlContactsClient ghl, ILogger logger)
{
    // As for the other creates: a second unknown outcome in one attempt goes back to the host, whose next attempt looks first.
    private const int AddTries = 2;

    // How far back the look goes: the message was added moments ago, so it is among the newest.
    private const int LookupPages = 3;

    public async Task<StepResult> AddAsync(StepContext context, AddInboundMessageStep step, CancellationToken cancellationToken)
    {
        var contactId = context.GhlContactId ?? throw new InvalidOperationException($"{nameof(AddInboundMessageStep)} needs a GHL contact, and the plan has none yet.");
        var conversationId = await ConversationOfAsync(context.LocationId, contactId, cancellationToken).ConfigureAwait(false);
        if (context.LookUpBeforeCreating && await FindAsync(context.LocationId, conversationId, step, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            SyncLog.GhostWriteAdopted(logger, context.EventId, context.LocationId, "inbound message", earlier.Id);
            return new StepResult { GhlContactId = contactId, GhlMessageId = earlier.Id, Adopted = true };
        }

        var request = new GhlInboundMessageRequest
        {
            ConversationId = conversationId,
            ContactId = contactId,
            ConversationProviderId = step.ConversationProviderId,
            Message = step.Body,
            AltId = step.MessageId,
            Date = step.SentAt,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var added = await ghl.AddInboundMessageAsync(context.LocationId, request, cancellationToken).ConfigureAwait(false);
                return new StepResult { GhlContactId = contactId, GhlMessageId = added.MessageId };
            }
            catch (GhlApiException exception) when (exception.OutcomeUnknown)
            {
                if (await FindAsync(context.LocationId, conversationId, step, cancellationToken).ConfigureAwait(false) is { } ghost)
                {
                    SyncLog.GhostWriteAdopted(logger, context.EventId, context.LocationId, "inbound message", ghost.Id);
                    return new StepResult { GhlContactId = contactId, GhlMessageId = ghost.Id, Adopted = true };
                }

                if (attempt >= AddTries)
                {
                    throw;
                }
            }
        }
    }

    private async Task<string> ConversationOfAsync(string locationId, string contactId, CancellationToken cancellationToken)
    {
        if (await ghl.FindConversationAsync(locationId, contactId, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found.Id;
        }

        try
        {
            return (await ghl.CreateConversationAsync(locationId, contactId, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (GhlApiException exception) when (exception.OutcomeUnknown || exception.Kind == GhlErrorKind.Permanent)
        {
            // Made by a create whose answer was lost, or by another delivery for the same contact meanwhile.
            if (await ghl.FindConversationAsync(locationId, contactId, cancellationToken).ConfigureAwait(false) is { } made)
            {
                return made.Id;
            }

            throw;
        }
    }

    private async Task<GhlConversationMessage?> FindAsync(string locationId, string conversationId, AddInboundMessageStep step, CancellationToken cancellationToken)
    {
        string? after = null;
        for (var page = 0; page < LookupPages; page++)
        {
            var messages = await ghl.GetConversationMessagesAsync(locationId, conversationId, after, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (messages.Messages.FirstOrDefault(message => IsThis(message, step)) is { } match)
            {
                return match;
            }

            if (!messages.NextPage || string.IsNullOrEmpty(messages.LastMessageId))
            {
                return null;
            }

            after = messages.LastMessageId;
        }

        return null;
    }

    private static bool IsThis(GhlConversationMessage message, AddInboundMessageStep step) =>
        string.Equals(message.Direction, "inbound", StringComparison.OrdinalIgnoreCase)
        && string.Equals(message.Body ?? "", step.Body, StringComparison.Ordinal)
        && message.DateAdded is { } added
        && added.ToUnixTimeMilliseconds() == step.SentAt.ToUnixTimeMilliseconds();
}
