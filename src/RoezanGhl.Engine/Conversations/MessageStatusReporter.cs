using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Reports a reply's delivery status to GHL (<c>PUT /conversations/messages/{messageId}/status</c>: <c>delivered</c>
/// (or <c>pending</c> until Roezan's delivery report, <see cref="ConversationOptions.AcceptedReplyStatus"/>), or
/// <c>failed</c> with Roezan's code and reason). GHL may refuse the update (a 4xx) for a few seconds after the message
/// was created: a refusal is tried again every <see cref="ConversationOptions.StatusRetryInterval"/> until
/// <see cref="ConversationOptions.StatusRefusalWindow"/> has passed, then it fails.
/// </summary>
public sealed partial class MessageStatusReporter(GhlContactsClient ghl, IOptions<ConversationOptions> options, TimeProvider time, ILogger<MessageStatusReporter> logger)
{
    /// <summary>The send's outcome: accepted by Roezan is <see cref="ConversationOptions.AcceptedReplyStatus"/>, refused is <c>failed</c> with Roezan's reason.</summary>
    public Task ReportAsync(string locationId, string messageId, ConversationReplyOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var request = new GhlMessageStatusRequest
        {
            Status = !outcome.Sent ? GhlMessageStatuses.Failed : options.Value.AwaitsDeliveryReport ? GhlMessageStatuses.Pending : GhlMessageStatuses.Delivered,
            Error = outcome.Sent ? null : new GhlMessageError { Code = outcome.FailureCode ?? "unknown", Type = "roezan", Message = outcome.FailureReason ?? "Roezan did not send the message." },
        };
        return ReportAsync(locationId, messageId, request, cancellationToken);
    }

    /// <summary>Sets <paramref name="request"/>'s status on GHL's message, trying again while GHL refuses it.</summary>
    public async Task ReportAsync(string locationId, string messageId, GhlMessageStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ghl.UpdateMessageStatusAsync(locationId, messageId, request, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (GhlApiException exception) when (IsRefusal(exception) && time.GetElapsedTime(started) + settings.StatusRetryInterval <= settings.StatusRefusalWindow)
            {
                LogRefused(logger, messageId, locationId, (int?)exception.StatusCode ?? 0, attempt);
                await Task.Delay(settings.StatusRetryInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A 4xx other than 401/403/429 (which the client handles): what GHL answers while the message is not ready for it.
    private static bool IsRefusal(GhlApiException exception) =>
        exception.Kind == GhlErrorKind.Permanent && exception.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.Unauthorized;

    [LoggerMessage(EventId = 5621, EventName = "MessageStatusRefused", Level = LogLevel.Information,
        Message = "GHL refused the status of message {MessageId} in location {LocationId} ({StatusCode}, attempt {Attempt}); trying again, as GHL does this for a few seconds after a message is made")]
    private static partial void LogRefused(ILogger logger, string messageId, string locationId, int statusCode, int attempt);
}
