using Microsoft.Extensions.Logging;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// A reply typed in GHL's inbox, taken off the events queue (a GHL → Roezan change with <see cref="QueuedGhlChange.Reply"/>):
/// sent through Roezan once (<see cref="IConversationReplySender"/>, keyed by GHL's message id) and its status reported
/// back to GHL (<see cref="MessageStatusReporter"/>); Roezan's later delivery report, recorded meanwhile, is reported
/// after it (<see cref="ReplyDeliveryReporter.CatchUpAsync"/>). A repeat after a crash asks the sender again, which answers the
/// first outcome without sending, and reports it again (setting a status twice leaves it the same). Without a sender
/// registered the reply is reported <c>failed</c> to GHL with that reason, so that the GHL user sees it did not go.
/// </summary>
public sealed partial class ConversationReplyApplier(IEnumerable<IConversationReplySender> senders, MessageStatusReporter reporter, ReplyDeliveryReporter deliveries, ILogger<ConversationReplyApplier> logger)
{
    public const string NotWiredCode = "not-wired";

    /// <summary>How long a reply whose send is still on its way waits before the send ledger is asked again.</summary>
    public static readonly TimeSpan NotSentYetDelay = TimeSpan.FromSeconds(30);

    // The last registered wins, as with any service: a host may put its own sender in place of the app's.
    private readonly IConversationReplySender? _sender = senders.LastOrDefault();

    public async Task<EventVerdict> ApplyAsync(EventDelivery delivery, GhlProviderOutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.Type, GhlProviderOutboundMessage.SmsChannel, StringComparison.OrdinalIgnoreCase) || message.Phone is not { Length: > 0 } phone)
        {
            return EventVerdict.Final(EventLedgerStatus.Skipped, $"a {message.Type} message from GHL's inbox: only SMS with a phone is sent through Roezan", outcome: "not sms");
        }

        var reply = new ConversationReply(delivery.AccountId, delivery.LocationId, message.MessageId!, message.ContactId, phone, message.Message ?? "");
        ConversationReplyOutcome outcome;
        try
        {
            outcome = _sender is null
                ? ConversationReplyOutcome.Failed(NotWiredCode, "Replies typed in GHL are not sent by this deployment (no Roezan sender is registered).")
                : await _sender.SendOnceAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (ReplyNotSentYetException exception)
        {
            return EventVerdict.Requeue(EventLedgerStatus.Queued, NotSentYetDelay, $"the reply is not sent yet ({exception.Message}); asked again later");
        }

        await reporter.ReportAsync(delivery.LocationId, reply.GhlMessageId, outcome, cancellationToken).ConfigureAwait(false);
        if (outcome.Sent)
        {
            // Roezan's delivery report may have come while the update above was on its way: GHL ends on the report.
            await deliveries.CatchUpAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        LogReplied(logger, delivery.EventId, reply.GhlMessageId, delivery.LocationId, outcome.Sent, outcome.FailureCode);
        return outcome.Sent
            ? EventVerdict.Final(EventLedgerStatus.Applied, "sent through Roezan; its status is reported to GHL", outcome: "sent")
            : EventVerdict.Final(EventLedgerStatus.Failed, $"Roezan did not send it ({outcome.FailureCode}); GHL shows it failed", outcome: "refused");
    }

    [LoggerMessage(EventId = 5622, EventName = "ConversationReplied", Level = LogLevel.Information,
        Message = "Event {EventId}: GHL message {MessageId} in location {LocationId} sent through Roezan: {Sent} ({FailureCode}); its status is reported to GHL")]
    private static partial void LogReplied(ILogger logger, string eventId, string messageId, string locationId, bool sent, string? failureCode);
}
