using Microsoft.Extensions.Options;
using RoezanGhl.Core.Events;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Tells GHL the final delivery status Roezan reported for a reply typed there, as recorded on the reply's send row
/// (Delivered → <c>delivered</c>, Undelivered → <c>failed</c> with Roezan's code and reason), and marks the row reported.
/// Both the status applier (after recording a status) and the reply applier (after its own status update, which may
/// have crossed a report) call it, so the last update GHL gets is the recorded final status in whichever order they ran.
/// </summary>
public sealed class ReplyDeliveryReporter(SmsSendStore sends, MessageStatusReporter reporter, IOptions<ConversationOptions> options)
{
    /// <summary>GHL's message id of a reply's send id (<see cref="ConversationReply.SendId"/>); null for an automated text.</summary>
    public static string? GhlMessageIdOf(string sendId)
    {
        ArgumentNullException.ThrowIfNull(sendId);
        return sendId.StartsWith(ConversationReply.SendIdPrefix, StringComparison.Ordinal) && sendId.Length > ConversationReply.SendIdPrefix.Length
            ? sendId[ConversationReply.SendIdPrefix.Length..]
            : null;
    }

    /// <summary>What GHL is told for a recorded delivery status; null for the statuses GHL has no word for (Pending, Sent).</summary>
    public static GhlMessageStatusRequest? RequestFor(SmsSendRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.DeliveryStatus switch
        {
            RoezanDeliveryStatus.Delivered => new GhlMessageStatusRequest { Status = GhlMessageStatuses.Delivered },
            RoezanDeliveryStatus.Undelivered => new GhlMessageStatusRequest
            {
                Status = GhlMessageStatuses.Failed,
                Error = new GhlMessageError
                {
                    Code = row.DeliveryErrorCode ?? "undelivered",
                    Type = "roezan",
                    Message = row.DeliveryError ?? "Roezan reports the text undelivered.",
                },
            },
            _ => null,
        };
    }

    /// <summary>
    /// Reports <paramref name="row"/>'s final status to GHL when it is a reply's, unless it was reported before (or
    /// <paramref name="again"/>: whatever was reported). Returns the GHL status set, or null when GHL was not called.
    /// </summary>
    public async Task<string?> ReportAsync(string locationId, SmsSendRecord row, bool again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (GhlMessageIdOf(row.Send.SendId) is not { } messageId || RequestFor(row) is not { } request || (!again && row.DeliveryReported == row.DeliveryStatus))
        {
            return null;
        }

        // Without delivery reports awaited, GHL was told "delivered" when Roezan accepted the reply: nothing to change.
        var ghlShowsIt = row.DeliveryStatus == RoezanDeliveryStatus.Delivered && !options.Value.AwaitsDeliveryReport;
        if (!ghlShowsIt)
        {
            await reporter.ReportAsync(locationId, messageId, request, cancellationToken).ConfigureAwait(false);
        }

        // A lost race leaves the row unmarked: the next report sets the same status again, which changes nothing in GHL.
        await sends.TryUpdateAsync(row with { DeliveryReported = row.DeliveryStatus }, CancellationToken.None).ConfigureAwait(false);
        return ghlShowsIt ? null : request.Status;
    }

    /// <summary>
    /// After the reply's own status update: when Roezan's final status was recorded meanwhile, GHL is told it (again), so
    /// an update that crossed the report cannot leave GHL showing the earlier status.
    /// </summary>
    public async Task CatchUpAsync(ConversationReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (await sends.ReadAsync(reply.AccountId, reply.SendId, cancellationToken).ConfigureAwait(false) is { } row
            && RoezanDeliveryStatuses.IsFinal(row.DeliveryStatus))
        {
            await ReportAsync(reply.LocationId, row, again: true, cancellationToken).ConfigureAwait(false);
        }
    }
}
