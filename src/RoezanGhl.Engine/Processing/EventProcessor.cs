using Azure;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Processes one delivery of a queued event, exactly once in effect although the queue delivers at least once. The
/// queue function calls <see cref="ProcessAsync"/> with the message body and dequeue count. This class only
/// coordinates, always forward: <see cref="EventDeliveryReader"/> reads the message, the <see cref="DeliveryGate"/>
/// admits it for its location (or puts it back before any storage read), the reader reads the ledger entry, the gate
/// says whether the event is worked on now, the
/// <see cref="IEventApplier"/> of the event's <see cref="SyncDirection"/> decides (planning under leases, running the
/// plan's steps with checkpoints), the <see cref="EventFinisher"/> records the verdict, and the
/// <see cref="EventOutcomeReporter"/> tells observers and the meter.
/// </summary>
/// <remarks>
/// <para>How each effect is made idempotent, and where:</para>
/// <list type="bullet">
/// <item>The event (here): its ledger entry is final (Applied, Skipped, Failed, Conflict) → the message is completed
/// without calling the target. While a delivery works on it, the entry is claimed (ClaimedBy, ETag-conditional); a
/// second delivery of the same event backs off (it finds the claim, or loses the ETag race and gets a 412).</item>
/// <item>Each step, and a step that completed in the target but crashed before its result was recorded: see the
/// direction's plan runner (Roezan → GHL: <see cref="RoezanToGhl.PlanRunner"/>).</item>
/// <item>Two events for one new contact, and the order of changes to one contact: see the planner
/// (<see cref="RoezanToGhl.LeasedPlanner"/>).</item>
/// </list>
/// <para>Errors: the applier turns its target's answers into verdicts (rate limited, location needs attention,
/// refused for good: <see cref="RoezanToGhl.RoezanToGhlApplier"/>); anything else is recorded as a failed attempt and
/// goes to the host, which retries and finally moves the message to the poison queue (the last attempt records
/// Failed first). A storage request refused for good (<see cref="StorageFailures.IsPermanent"/>) and a claim-check
/// blob that is gone are Failed at once, with the reason and a notification. A message that is no queued event goes
/// to the poison queue at once.</para>
/// </remarks>
public sealed class EventProcessor
{
    private readonly EventDeliveryReader _reader;
    private readonly Dictionary<SyncDirection, IEventApplier> _appliers;
    private readonly EventFinisher _finisher;
    private readonly DeliveryGate _gate;
    private readonly EventOutcomeReporter _outcomes;
    private readonly ILogger _logger;

    public EventProcessor(
        EventDeliveryReader reader,
        IEnumerable<IEventApplier> appliers,
        EventFinisher finisher,
        DeliveryGate gate,
        EventOutcomeReporter outcomes,
        ILogger<EventProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(appliers);
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _appliers = [];
        foreach (var applier in appliers)
        {
            if (!_appliers.TryAdd(applier.Direction, applier))
            {
                throw new InvalidOperationException($"Two event appliers are registered for {applier.Direction}: {_appliers[applier.Direction].GetType().Name} and {applier.GetType().Name}.");
            }
        }

        _finisher = finisher ?? throw new ArgumentNullException(nameof(finisher));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Processes one delivery. Returns when the message can be completed (applied, skipped, failed for good, or a
    /// copy re-queued); throws when the host should retry it. <paramref name="enqueuedAt"/> (the queue's insertion
    /// time) gives the queue-age metric; the message's trace context makes this delivery part of the webhook's trace.
    /// </summary>
    public async Task<EventOutcome> ProcessAsync(BinaryData messageBody, long dequeueCount, CancellationToken cancellationToken, DateTimeOffset? enqueuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        var started = _outcomes.Start();
        using var activity = EventTracing.StartProcess(_reader.QueueName, messageBody, dequeueCount);
        _outcomes.ReportQueueAge(enqueuedAt);
        EventDelivery delivery;
        try
        {
            delivery = await _reader.ReadMessageAsync(messageBody, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            EventTracing.Failed(activity, exception);
            _outcomes.ReportUnreadable();
            throw;
        }

        EventTracing.Carries(activity, delivery.EventId, delivery.AccountId, delivery.EventType);

        // Admission first: a delivery its location cannot take now goes back before any storage read (its ledger
        // entry is untouched either way), so that a put-back costs the queue only.
        using var admission = _gate.Admit(delivery);
        try
        {
            if (admission.Verdict is { Kind: EventVerdictKind.PutBack } putBack)
            {
                return _outcomes.Report(await _finisher.FinishAsync(delivery, putBack, cancellationToken).ConfigureAwait(false), started);
            }

            await _reader.ReadEntryAsync(delivery, cancellationToken).ConfigureAwait(false);
            var verdict = admission.Verdict ?? await DecideAsync(delivery, cancellationToken).ConfigureAwait(false);

            // The slot is for the work with the target; recording the verdict need not keep a neighbour waiting.
            admission.Dispose();
            var outcome = await _finisher.FinishAsync(delivery, verdict, cancellationToken).ConfigureAwait(false);
            await _reader.ForgetPayloadAsync(delivery, cancellationToken).ConfigureAwait(false);
            return _outcomes.Report(outcome, started);
        }
        catch (RequestFailedException exception) when (EventLedger.IsConcurrencyConflict(exception) && delivery.Entry is not null)
        {
            return _outcomes.Report(await _finisher.FinishAsync(delivery, _gate.AnotherDeliveryWroteFirst(), cancellationToken).ConfigureAwait(false), started);
        }
        catch (RequestFailedException exception) when (StorageFailures.IsPermanent(exception) && delivery.Entry is not null)
        {
            // Refused for good (too large, invalid, forbidden): a retry would fail the same way, so say so and stop.
            var reason = StorageFailures.Describe(exception);
            SyncLog.StorageRefused(_logger, exception, delivery.EventId, delivery.AccountId, reason);
            var failed = EventVerdict.Final(EventLedgerStatus.Failed, reason);
            var outcome = await _finisher.FinishAsync(delivery, failed, cancellationToken).ConfigureAwait(false);
            await _reader.ForgetPayloadAsync(delivery, cancellationToken).ConfigureAwait(false);
            return _outcomes.Report(outcome, started);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            EventTracing.Failed(activity, exception);
            var failure = _appliers.TryGetValue(delivery.Direction, out var applier) ? applier.DescribeFailure(exception) : AttemptFailure.Of(exception);
            _outcomes.Report(await _finisher.RecordFailedAttemptAsync(delivery, exception, failure, cancellationToken).ConfigureAwait(false), started);
            throw;
        }
    }

    private async Task<EventVerdict> DecideAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        if (_gate.Enter(delivery) is { } notNow)
        {
            return notNow;
        }

        // No applier for the direction (a message from a newer release): the host retries, then the poison queue keeps
        // the message for a re-drive once an applier exists, rather than completing it unapplied.
        var applier = _appliers.GetValueOrDefault(delivery.Direction)
            ?? throw new NotSupportedException($"No applier handles events from {delivery.Direction.Source} to {delivery.Direction.Target}.");
        return await applier.ApplyAsync(delivery, cancellationToken).ConfigureAwait(false);
    }
}
