using System.Net;
using RoezanGhl.Core.Automations;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Sends a reply typed in GHL's inbox through the SMS automations' exactly-once sender (<see cref="ISmsSender"/>, keyed
/// by <see cref="ConversationReply.SendId"/>), so a reply is never sent twice, whatever number of times GHL posts it
/// or the queue delivers it. Consent is read at send time in both systems, as for automated texts: a number Roezan has
/// opted out (or marks invalid or deleted, or tags with the account's opt-out tag), or a GHL contact with do-not-disturb
/// for SMS, gets nothing and GHL shows the reply failed with the reason. A repeat answers the first outcome from the send ledger without reading consent again.
/// </summary>
public sealed class SmsConversationReplySender : IConversationReplySender
{
    private readonly ISmsSender _sender;
    private readonly SmsSendStore _sends;
    private readonly RoezanApiClient _roezan;
    private readonly GhlContactsClient _ghl;
    private readonly TwoWayRules _rules;

    public SmsConversationReplySender(ISmsSender sender, SmsSendStore sends, RoezanApiClient roezan, GhlContactsClient ghl, TwoWayRules rules)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _sends = sends ?? throw new ArgumentNullException(nameof(sends));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
    }

    public async Task<ConversationReplyOutcome> SendOnceAsync(ConversationReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            return ConversationReplyOutcome.Failed("empty", "The reply has no text; nothing was sent.");
        }

        var earlier = await _sends.ReadAsync(reply.AccountId, reply.SendId, cancellationToken).ConfigureAwait(false);
        if (earlier is null || earlier.State == SmsSendState.Planned)
        {
            // Not sent yet: consent now, not when GHL posted it. (A row in Sending is settled by the sender's look-up.)
            if (await RefusalAsync(reply, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }
        }

        var result = await _sender.SendOnceAsync(reply.SendId, reply.AccountId, reply.Phone, reply.Text, cancellationToken).ConfigureAwait(false);
        return OutcomeOf(result);
    }

    /// <summary>What GHL is told, from where the send ended; a send still on its way is tried again later.</summary>
    public static ConversationReplyOutcome OutcomeOf(SmsSendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.State switch
        {
            SmsSendState.Sent => ConversationReplyOutcome.Delivered,
            SmsSendState.Cancelled => ConversationReplyOutcome.Failed("refused", result.Reason ?? "Roezan did not send it."),
            SmsSendState.Dropped => ConversationReplyOutcome.Failed("dropped", result.Reason ?? "Not sent: a cap was reached."),

            // Roezan may have sent it and we could not find out: never sent again, and GHL is told so rather than "delivered".
            SmsSendState.Unknown => ConversationReplyOutcome.Failed("outcome-unknown", result.Reason ?? "Roezan's answer was lost and the look-up could not tell whether it went out; not sent again."),
            _ => throw new ReplyNotSentYetException(result.Reason ?? "the reply is still on its way to Roezan"),
        };
    }

    private async Task<ConversationReplyOutcome?> RefusalAsync(ConversationReply reply, CancellationToken cancellationToken)
    {
        var roezan = await _roezan.FindContactByPhoneAsync(reply.AccountId, reply.Phone, cancellationToken).ConfigureAwait(false);
        if (roezan is { Invalid: true } or { Deleted: true })
        {
            return ConversationReplyOutcome.Failed("invalid-number", "Roezan marks the number invalid or the contact deleted; nothing was sent.");
        }

        // The opt-out tag counts too: a STOP variant Roezan did not recognise is recorded there (InboundOptOut).
        if (roezan is not null && RoezanConsent.OptedOut(roezan, _rules.For(reply.AccountId).OptOutTag))
        {
            return ConversationReplyOutcome.Failed("opted-out", "The recipient opted out of texts in Roezan; nothing was sent.");
        }

        if (reply.GhlContactId is not { Length: > 0 } contactId)
        {
            return null;
        }

        try
        {
            var contact = await _ghl.GetContactAsync(reply.LocationId, contactId, cancellationToken).ConfigureAwait(false);
            return ContactConsent.GhlForbidsSms(GhlContactEvents.From(contact))
                ? ConversationReplyOutcome.Failed("dnd", "The contact has do-not-disturb for SMS in GHL; nothing was sent.")
                : null;
        }
        catch (GhlApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound)
        {
            return ConversationReplyOutcome.Failed("contact-missing", "The contact no longer exists in GHL; nothing was sent.");
        }
    }
}
