using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Applies Roezan's <c>message.status</c> (Sent / Delivered / Undelivered of a text we sent): finds the send by Roezan's
/// message id (<see cref="SmsSendStore.FindByRoezanMessageIdAsync"/>), records the status on the send row when it moves
/// the text forward (<see cref="RoezanDeliveryStatuses.MovesForward"/>: never back, and the first final status stays),
/// and, for a reply typed in GHL, sets the GHL message's status (<see cref="ReplyDeliveryReporter"/>). An automated text
/// has no GHL message: its status is kept in the send ledger only.
/// </summary>
/// <remarks>
/// A status whose message no send of ours has is asked again for <see cref="ConversationOptions.UnknownMessageWait"/>
/// (the send may still be recording Roezan's answer), then acknowledged (Skipped) and logged; a status word this app does
/// not read is acknowledged the same way at once. GHL's answers become verdicts in the Roezan → GHL applier.
/// </remarks>
public sealed partial class DeliveryStatusApplier(SmsSendStore sends, ReplyDeliveryReporter reporter, IOptions<ConversationOptions> options, TimeProvider time, ILogger<DeliveryStatusApplier> logger)
{
    /// <summary>The wait before a status of a message not found yet is looked up again.</summary>
    public static readonly TimeSpan UnknownMessageDelay = TimeSpan.FromSeconds(10);

    private const int ConcurrentWriteAttempts = 3;

    public async Task<EventVerdict> ApplyAsync(EventDelivery delivery, RoezanMessage status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(status);
        var messageId = status.Id ?? "";
        if (!RoezanDeliveryStatuses.TryRead(status.Status, out var reported))
        {
            LogUnreadWord(logger, delivery.EventId, delivery.AccountId, status.Status ?? "");
            return EventVerdict.Final(EventLedgerStatus.Skipped, $"Roezan's status word '{status.Status}' is not one this app reads (Pending, Sent, Delivered, Undelivered); nothing changed", outcome: "status not read");
        }

        var row = await sends.FindByRoezanMessageIdAsync(delivery.AccountId, messageId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Unknown(delivery, messageId);
        }

        var raised = false;
        for (var attempt = 1; RoezanDeliveryStatuses.MovesForward(row.DeliveryStatus, reported); attempt++)
        {
            var stored = await sends.TryUpdateAsync(Recorded(row, reported, status, delivery), cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                (row, raised) = (stored, true);
                break;
            }

            // Another status of the same text was recorded first: read it again and compare with that one.
            row = attempt < ConcurrentWriteAttempts
                ? await sends.ReadAsync(delivery.AccountId, row.Send.SendId, cancellationToken).ConfigureAwait(false) ?? row
                : throw new InvalidOperationException($"The send row of Roezan message {messageId} kept changing while its status was recorded; the delivery is tried again.");
        }

        var ghlStatus = await reporter.ReportAsync(delivery.LocationId, row, again: false, cancellationToken).ConfigureAwait(false);
        LogApplied(logger, delivery.EventId, messageId, delivery.AccountId, reported, row.DeliveryStatus, ghlStatus ?? "(not called)");
        if (!raised && ghlStatus is null)
        {
            return EventVerdict.Final(EventLedgerStatus.Skipped, $"the text is already {row.DeliveryStatus}: a {reported} report changes nothing", outcome: "status unchanged");
        }

        return ReplyDeliveryReporter.GhlMessageIdOf(row.Send.SendId) is { } ghlMessageId
            ? EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: $"{row.DeliveryStatus}: GHL message {ghlMessageId} {(ghlStatus is null ? "unchanged" : "shows " + ghlStatus)}")
            : EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: $"{row.DeliveryStatus}: recorded in the send ledger (an automated text has no GHL message)");
    }

    private EventVerdict Unknown(EventDelivery delivery, string messageId)
    {
        var waited = time.GetUtcNow() - delivery.Queued.AcceptedAt;
        var wait = options.Value.UnknownMessageWait;
        if (waited < wait)
        {
            var delay = wait - waited < UnknownMessageDelay ? wait - waited : UnknownMessageDelay;
            return EventVerdict.Requeue(EventLedgerStatus.Queued, delay, $"no send of ours has Roezan message {messageId} yet (its answer may still be being recorded); looked up again later");
        }

        LogUnknownMessage(logger, delivery.EventId, delivery.AccountId, messageId);
        return EventVerdict.Final(EventLedgerStatus.Skipped, $"no send of ours has Roezan message {messageId}: the status is acknowledged and not applied", outcome: "unknown message");
    }

    private static SmsSendRecord Recorded(SmsSendRecord row, RoezanDeliveryStatus reported, RoezanMessage status, EventDelivery delivery) => row with
    {
        DeliveryStatus = reported,
        DeliveryStatusAt = status.StatusAt ?? delivery.Queued.Event.OccurredAt ?? delivery.Queued.AcceptedAt,
        DeliveryErrorCode = reported == RoezanDeliveryStatus.Undelivered ? Clean(status.ErrorCode) : null,
        DeliveryError = reported == RoezanDeliveryStatus.Undelivered ? Clean(status.ErrorMessage) : null,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(EventId = 5691, EventName = "DeliveryStatusApplied", Level = LogLevel.Information,
        Message = "Event {EventId}: Roezan message {MessageId} of account {AccountId} reported {Reported}; recorded {Recorded}; GHL status {GhlStatus}")]
    private static partial void LogApplied(ILogger logger, string eventId, string messageId, string accountId, RoezanDeliveryStatus reported, RoezanDeliveryStatus recorded, string ghlStatus);

    [LoggerMessage(EventId = 5692, EventName = "DeliveryStatusForUnknownMessage", Level = LogLevel.Warning,
        Message = "Event {EventId}: Roezan reported a status for message {MessageId} of account {AccountId}, which no send of this app has; acknowledged and not applied (a text sent from Roezan's own app, or a send whose record is gone)")]
    private static partial void LogUnknownMessage(ILogger logger, string eventId, string accountId, string messageId);

    [LoggerMessage(EventId = 5693, EventName = "DeliveryStatusWordNotRead", Level = LogLevel.Warning,
        Message = "Event {EventId}: account {AccountId} sent a message.status with the status word '{Word}', which this app does not read; acknowledged and not applied (tell the maintainers Roezan's word)")]
    private static partial void LogUnreadWord(ILogger logger, string eventId, string accountId, string word);
}
