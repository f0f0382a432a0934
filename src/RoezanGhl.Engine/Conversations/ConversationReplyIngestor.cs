using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// The conversation provider's Delivery URL (<c>POST /api/ghl/conversations/outbound</c>): GHL's ProviderOutboundMessage,
/// checked like the webhook door (415, 413, then <see cref="GhlWebhookIntake.TryAdmitProviderMessage"/>: Ed25519
/// signature 401, JSON and contract 400, a timestamp when there is one 401), and with the same answers. A channel other
/// than SMS is acknowledged (200) and not sent; a location no account maps to is ignored (200). The reply is claimed in
/// the ledger as <c>ghl:reply-{messageId}</c> (a repeat is 200 duplicate) and queued as a GHL → Roezan change; "not
/// now" is 429, the only answer GHL retries.
/// </summary>
public sealed class ConversationReplyIngestor(GhlWebhookIntake intake, IOptionsMonitor<RoezanOptions> accounts, IOptionsMonitor<RoezanWebhookOptions> options, RoezanEventAcceptor acceptor, GhlWebhookServices services)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    public async Task<GhlIngestResult> IngestAsync(GhlWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        GhlIngestResult result;
        try
        {
            result = await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GhlWebhookLog.Bug(services.Logger, exception, null);
            result = GhlIngestResult.Unavailable("The message could not be taken right now; it will be taken when GHL sends it again.", null, RetryAfter);
        }

        services.Meter.Count(result, QueuedGhlChange.ProviderOutboundMessageType);
        return result;
    }

    private async Task<GhlIngestResult> AnswerAsync(GhlWebhookRequest request, CancellationToken cancellationToken)
    {
        if (!JsonMediaType.IsAcceptable(request.ContentType))
        {
            return GhlIngestResult.UnsupportedMediaType(request.ContentType);
        }

        var limit = intake.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return GhlIngestResult.PayloadTooLarge(limit);
        }

        using var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, limit, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return GhlIngestResult.PayloadTooLarge(limit);
        }

        if (!intake.TryAdmitProviderMessage(request.Signature, request.LegacySignature, body.Span, out var admission, out var rejection))
        {
            var refused = GhlIngestResult.Rejected(rejection);
            GhlWebhookLog.Rejected(services.Logger, refused.StatusCode, rejection.Code, rejection.WebhookId);
            return refused;
        }

        var message = (GhlProviderOutboundMessage)admission.Event;
        var change = QueuedGhlChange.FromProviderMessage(message);
        if (!string.Equals(message.Type, GhlProviderOutboundMessage.SmsChannel, StringComparison.OrdinalIgnoreCase))
        {
            GhlWebhookLog.NotApplied(services.Logger, change.WebhookId!, message.Type);
            return GhlIngestResult.NotApplied(change.WebhookId);
        }

        var locationId = message.LocationId!;
        var accountId = accounts.CurrentValue.Accounts.FirstOrDefault(pair => pair.Value is not null && string.Equals(pair.Value.GhlLocationId, locationId, StringComparison.Ordinal)).Key;
        if (accountId is null)
        {
            if (services.UnknownLocations.FirstTime(locationId))
            {
                GhlWebhookLog.UnknownLocation(services.Logger, locationId);
            }

            return GhlIngestResult.UnknownLocation(change.WebhookId);
        }

        var queued = GhlQueuedEvents.Envelope(accountId, change, message.Timestamp ?? admission.AdmittedAt, admission.AdmittedAt);
        var accepted = await acceptor.AcceptOnceAsync(queued, GhlLedgerIntake.Of(queued), options.CurrentValue.ClaimTimeout, "ghl-conversation", cancellationToken).ConfigureAwait(false);
        return accepted.Outcome switch
        {
            RoezanIngestOutcome.Accepted => GhlIngestResult.Accepted(change.WebhookId!),
            RoezanIngestOutcome.Duplicate => GhlIngestResult.Duplicate(change.WebhookId!),
            _ => GhlIngestResult.Unavailable(accepted.Detail ?? "Try again later.", change.WebhookId, accepted.RetryAfter is { } wait && wait > RetryAfter ? wait : RetryAfter),
        };
    }
}
