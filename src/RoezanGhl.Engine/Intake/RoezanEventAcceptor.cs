using Azure;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// Accepts an admitted event exactly once, whoever brought it (the webhook, or the reconciler's poll of Roezan's
/// API): claim its id in the ledger (insert-if-absent), enqueue, mark Queued. A failed enqueue gives the claim back
/// and answers 503, so that the sender's retry is not mistaken for a duplicate; a bug gives the claim back and throws.
/// </summary>
public sealed class RoezanEventAcceptor
{
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(30);

    private readonly EventLedger _ledger;
    private readonly RoezanEventQueueClient _queue;
    private readonly PendingChangeRecorder _pending;
    private readonly DoorPacer _pacer;
    private readonly ILogger<RoezanEventAcceptor> _logger;

    public RoezanEventAcceptor(EventLedger ledger, RoezanEventQueueClient queue, PendingChangeRecorder pending, DoorPacer pacer, ILogger<RoezanEventAcceptor> logger)
    {
        _pacer = pacer ?? throw new ArgumentNullException(nameof(pacer));
        _pending = pending ?? throw new ArgumentNullException(nameof(pending));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Claims the event's id in the ledger, enqueues it and marks it Queued; a repeat is a duplicate, a fresh claim
    /// held by another delivery is in flight, and a storage failure is 503 with nothing left claimed.
    /// </summary>
    /// <param name="queued">The admitted (validated, normalized) event.</param>
    /// <param name="claimTimeout">How old a claim must be before it counts as left by a crashed instance.</param>
    /// <param name="claimantKind">Who claims (<c>webhook</c>, <c>poll</c>): goes into the claim's id.</param>
    /// <param name="cancellationToken">Cancels up to the claim; once it is held, the acceptance is finished.</param>
    public Task<RoezanIngestResult> AcceptOnceAsync(QueuedRoezanEvent queued, TimeSpan claimTimeout, string claimantKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        return AcceptOnceAsync(queued, RoezanLedgerIntake.Of(queued.AccountId, queued.Event), claimTimeout, claimantKind, cancellationToken);
    }

    /// <summary>
    /// As the other overload, with the ledger row's identity columns given by the caller: the GHL door claims
    /// <c>ghl:{webhookId}</c> with the direction GHL → Roezan and the GHL contact (see <see cref="GhlLedgerIntake"/>).
    /// </summary>
    public async Task<RoezanIngestResult> AcceptOnceAsync(QueuedRoezanEvent queued, LedgerIntake intake, TimeSpan claimTimeout, string claimantKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimantKind);
        var evt = queued.Event;
        var eventId = evt.Id!;
        var account = queued.AccountId;

        EventLedgerClaim claim;
        try
        {
            claim = await _ledger.ClaimAsync(intake, $"{claimantKind}:{Guid.NewGuid():N}", claimTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IntakeOutages.IsOutage(ex, cancellationToken))
        {
            RoezanWebhookLog.LedgerFailed(_logger, ex, eventId, account);
            return RoezanIngestResult.Unavailable("The event ledger could not be reached; retry later.", eventId, StorageRetryAfter);
        }

        switch (claim.Outcome)
        {
            case EventLedgerClaimOutcome.Duplicate:
                RoezanWebhookLog.Duplicate(_logger, eventId, account, claim.Entry.Status);
                return RoezanIngestResult.Duplicate(eventId);
            case EventLedgerClaimOutcome.InFlight:
                RoezanWebhookLog.InFlight(_logger, eventId, account, claim.RetryAfter.TotalSeconds);
                return RoezanIngestResult.InFlight(eventId, claim.RetryAfter);
        }

        // From here on we hold the claim: finish (or give it back) even if Roezan hangs up, so that no
        // half-done claim makes its retry wait for the timeout.
        string messageId;
        using var send = EventTracing.StartSend(_queue.QueueName, queued);
        try
        {
            // Serialized inside the producer span, so that the message carries its trace context. An event whose
            // location's turn is further off than the lead waits off the visible queue (DoorPacer).
            var serialized = RoezanEventQueueClient.Serialize(queued);
            var delay = _pacer.DelayFor(account, intake.Direction);
            messageId = delay > TimeSpan.Zero
                ? await _queue.EnqueueAsync(queued, serialized, delay, CancellationToken.None).ConfigureAwait(false)
                : await _queue.EnqueueAsync(queued, serialized, CancellationToken.None).ConfigureAwait(false);
            send?.SetTag("messaging.message.id", messageId);
            if (delay > TimeSpan.Zero)
            {
                RoezanWebhookLog.Paced(_logger, eventId, account, delay.TotalSeconds);
            }
        }
        catch (Exception ex) when (IntakeOutages.IsOutage(ex, CancellationToken.None))
        {
            EventTracing.Failed(send, ex);
            RoezanWebhookLog.EnqueueFailed(_logger, ex, eventId, account);
            await ReleaseAsync(claim, ex, eventId, account).ConfigureAwait(false);
            return RoezanIngestResult.Unavailable("The event could not be queued; retry later.", eventId, StorageRetryAfter);
        }
        catch (Exception ex)
        {
            // A bug, not an outage: give the claim back so that the sender's retry is not told to wait, then let the
            // function's middleware answer 500 and log the exception.
            EventTracing.Failed(send, ex);
            await ReleaseAsync(claim, ex, eventId, account).ConfigureAwait(false);
            throw;
        }

        // The producer span ends with the send; marking the row Queued is the door's work.
        send?.Dispose();

        try
        {
            if (!await _ledger.MarkQueuedAsync(claim, CancellationToken.None).ConfigureAwait(false))
            {
                RoezanWebhookLog.MarkQueuedFailed(_logger, null, eventId, account);
            }
        }
        catch (Exception ex) when (IntakeOutages.IsOutage(ex, CancellationToken.None))
        {
            RoezanWebhookLog.MarkQueuedFailed(_logger, ex, eventId, account);
        }

        // After the row is Queued (coalescing absorbs only Queued events); best effort, never fails the acceptance.
        await _pending.RecordAsync(queued, CancellationToken.None).ConfigureAwait(false);
        RoezanWebhookLog.Accepted(_logger, eventId, evt.Type, account, messageId);
        return RoezanIngestResult.Accepted(eventId);
    }

    private async Task ReleaseAsync(EventLedgerClaim claim, Exception cause, string eventId, string account)
    {
        try
        {
            var reason = cause is RequestFailedException failed
                ? $"enqueue failed: HTTP {failed.Status} {failed.ErrorCode}"
                : $"enqueue failed: {cause.GetType().Name}";
            await _ledger.ReleaseAsync(claim, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IntakeOutages.IsOutage(ex, CancellationToken.None))
        {
            RoezanWebhookLog.ReleaseFailed(_logger, ex, eventId, account);
        }
    }

}
