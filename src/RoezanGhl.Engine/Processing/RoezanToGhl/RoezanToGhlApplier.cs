using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// Applies Roezan events to GHL: <see cref="LeasedPlanner"/> makes (or resumes) the plan under its leases, the plan's
/// disposition decides, and <see cref="PlanRunner"/> runs its steps. GHL's answers become verdicts here. An inbound
/// message, once synced, starts its follow-up (<see cref="InboundMessageFollowUp"/>: an opt-out, or a keyword
/// auto-reply). A delivery status of a text we sent (<c>message.status</c>) is no contact change: it goes to
/// <see cref="DeliveryStatusApplier"/>.
/// </summary>
/// <remarks>
/// Errors: rate limited → back on the queue after GHL's wait (no dequeue spent); the location needs attention →
/// Waiting, a notification, and back on the queue after a long delay; refused for good → Failed with GHL's message
/// and traceId (and a notification). Anything else goes on to the host's retries.
/// </remarks>
public sealed class RoezanToGhlApplier : IEventApplier
{
    private readonly LeasedPlanner _planner;
    private readonly PlanRunner _runner;
    private readonly ContactLinker _linker;
    private readonly InboundMessageFollowUp _followUp;
    private readonly DeliveryStatusApplier _statuses;
    private readonly SyncProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RoezanToGhlApplier(LeasedPlanner planner, PlanRunner runner, ContactLinker linker, InboundMessageFollowUp followUp, DeliveryStatusApplier statuses, RoezanToGhlContext context)
    {
        _followUp = followUp ?? throw new ArgumentNullException(nameof(followUp));
        _statuses = statuses ?? throw new ArgumentNullException(nameof(statuses));
        ArgumentNullException.ThrowIfNull(context);
        _planner = planner ?? throw new ArgumentNullException(nameof(planner));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _linker = linker ?? throw new ArgumentNullException(nameof(linker));
        _options = context.Processing;
        _time = context.Time;
        _logger = context.Logger;
    }

    public SyncDirection Direction => SyncDirection.RoezanToGhl;

    public async Task<EventVerdict> ApplyAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            return delivery.Queued.Event is { Type: RoezanEventTypes.MessageStatus, Data.Message: { } status }
                ? await _statuses.ApplyAsync(delivery, status, cancellationToken).ConfigureAwait(false)
                : await PlanAndRunAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.RateLimited)
        {
            var delay = exception.RetryAfter ?? _options.RateLimitDelay;
            SyncLog.EventRateLimited(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, exception.TraceId, delay.TotalSeconds);
            return EventVerdict.Requeue(EventLedgerStatus.Queued, delay, "rate limited by GHL; back on the queue");
        }
        catch (Exception exception) when (GhlFailures.NeedsAttention(exception) is { } reason)
        {
            SyncLog.LocationNeedsAttention(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, reason);
            return EventVerdict.Requeue(EventLedgerStatus.Waiting, _options.LocationAttentionDelay, $"GHL location needs attention: {reason}", notify: true, traceId: (exception as GhlApiException)?.TraceId);
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.Permanent)
        {
            ForgetCachedLinkOnRefusal(delivery, exception);
            return EventVerdict.Final(EventLedgerStatus.Failed, GhlFailures.Describe(exception), exception.TraceId);
        }
    }

    // GHL does not know the contact our link names (deleted, merged, re-made by another instance): no event may follow
    // the cached link any longer; the links table is read again.
    private void ForgetCachedLinkOnRefusal(EventDelivery delivery, GhlApiException exception)
    {
        if ((exception.IsNotFound || exception.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity) && delivery.Plan?.GhlContactId is { } linked)
        {
            _linker.DropCachedLinks(linked);
        }
    }

    public AttemptFailure DescribeFailure(Exception exception) =>
        exception is GhlApiException ghl ? new AttemptFailure(GhlFailures.Describe(ghl), ghl.TraceId) : AttemptFailure.Of(exception);

    private async Task<EventVerdict> PlanAndRunAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        var leased = await _planner.PlanAsync(delivery, cancellationToken).ConfigureAwait(false);
        var entry = delivery.Entry!;
        if (leased.Blocked is { } blocked)
        {
            // A creation claim's key holds the contact's phone or email: logged and recorded as its short hash.
            var blockingKey = GhlLeaseKeys.ForLog(blocked.BlockingKey);
            var reason = $"waits for {blockingKey}, held by event {blocked.HeldBy ?? "(another)"}";
            SyncLog.EventWaitsForLease(_logger, delivery.EventId, blockingKey, blocked.HeldBy, _options.LeaseWaitDelay.TotalSeconds);
            var status = entry.Status is EventLedgerStatus.Received or EventLedgerStatus.Processing ? EventLedgerStatus.Queued : entry.Status;
            return EventVerdict.Requeue(status, _options.LeaseWaitDelay, reason, cleanStop: entry.CleanStop);
        }

        var plan = leased.Plan!;
        delivery.Plan = plan;
        delivery.Leases.Clear();
        delivery.Leases.AddRange(leased.Leases);
        switch (plan.Disposition)
        {
            case PlanDisposition.Skip:
                await _linker.RecordLinksAsync(delivery, plan, plan.GhlContactId, plan.GhlTaskId, cancellationToken).ConfigureAwait(false);
                SyncLog.EventSkipped(_logger, delivery.EventId, plan.EventType, delivery.AccountId, delivery.LocationId, plan.Reason);
                return EventVerdict.Final(EventLedgerStatus.Skipped, plan.Reason);

            case PlanDisposition.Invalid:
                return EventVerdict.Final(EventLedgerStatus.Failed, plan.Reason);

            case PlanDisposition.WaitForContact when _time.GetUtcNow() - delivery.Queued.AcceptedAt > _options.ContactWaitLimit:
                return EventVerdict.Final(EventLedgerStatus.Failed, $"{plan.Reason} after waiting {_options.ContactWaitLimit}");

            case PlanDisposition.WaitForContact:
                return EventVerdict.Requeue(EventLedgerStatus.Waiting, _options.ContactWaitDelay, plan.Reason);

            default:
                var verdict = await _runner.RunAsync(delivery, plan, cancellationToken).ConfigureAwait(false);
                // The contact the steps acted on: the linked one, or the one the first step made (a first message).
                if (verdict.Status == EventLedgerStatus.Applied && (verdict.TargetContactId ?? plan.GhlContactId) is { } contactId
                    && delivery.Queued.Event is { Type: RoezanEventTypes.MessageReceived, Data.Message: { } message })
                {
                    // After the sync, so the contact exists in GHL (and an opt-out's do-not-disturb is on).
                    var inbound = new InboundMessageContext(delivery.AccountId, delivery.LocationId, contactId, delivery.EventId, delivery.Queued.AcceptedAt);
                    await _followUp.StartAsync(inbound, message, cancellationToken).ConfigureAwait(false);
                }

                return verdict;
        }
    }
}
