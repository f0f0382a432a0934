using Azure;
using Microsoft.Extensions.Logging;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Ends a delivery as its <see cref="EventVerdict"/> says, whatever the event's direction: records a final status and
/// gives the leases back (and tells people about a failure or a conflict), or records why the event waits and puts a
/// copy back on the queue, or records a failed attempt that the host retries. Returns the
/// <see cref="EventOutcome"/> of the delivery.
/// </summary>
public sealed class EventFinisher
{
    private readonly EventLedger _ledger;
    private readonly LeaseStore _leases;
    private readonly EventRequeue _requeue;
    private readonly IFailureNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventFinisher(EventLedger ledger, LeaseStore leases, EventRequeue requeue, IFailureNotifier notifier, TimeProvider time, ILogger<EventFinisher> logger)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _requeue = requeue ?? throw new ArgumentNullException(nameof(requeue));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Carries out <paramref name="verdict"/> for a delivery whose ledger entry has been read; a put-back needs no entry
    /// (admission puts a delivery back before reading it).
    /// </summary>
    public async Task<EventOutcome> FinishAsync(EventDelivery delivery, EventVerdict verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Kind == EventVerdictKind.PutBack)
        {
            return await PutBackAsync(delivery, verdict, cancellationToken).ConfigureAwait(false);
        }

        var entry = delivery.Entry ?? throw new InvalidOperationException($"The ledger entry of event {delivery.EventId} was not read.");
        return verdict.Kind switch
        {
            EventVerdictKind.Final => await FinalAsync(delivery, verdict, cancellationToken).ConfigureAwait(false),
            EventVerdictKind.Requeue => await RequeueAsync(delivery, verdict, cancellationToken).ConfigureAwait(false),
            _ => Outcome(delivery, EventOutcomeKind.AlreadyDone, entry.Status, "already " + entry.Status),
        };
    }

    /// <summary>
    /// Records a failed attempt whose exception goes on to the host, which retries the message; on the host's last
    /// allowed attempt the event is recorded as Failed first (the message then goes to the poison queue).
    /// </summary>
    public async Task<EventOutcome> RecordFailedAttemptAsync(EventDelivery delivery, Exception exception, AttemptFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(failure);
        var last = delivery.IsLastAttempt;
        if (last)
        {
            SyncLog.EventGivenUp(_logger, exception, delivery.EventId, delivery.EventType ?? "?", delivery.AccountId, delivery.LocationId, delivery.DequeueCount, failure.TraceId);
        }
        else
        {
            SyncLog.EventTransientFailure(_logger, exception, delivery.EventId, delivery.AccountId, delivery.LocationId, delivery.DequeueCount, failure.TraceId);
        }

        if (delivery.Entry is { } entry)
        {
            try
            {
                if (last)
                {
                    var reason = $"gave up after {delivery.DequeueCount} attempts, moved to the poison queue: {failure.Reason}";
                    await FinalAsync(delivery, EventVerdict.Final(EventLedgerStatus.Failed, reason, failure.TraceId), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // The claim is given back so the host's retry starts at once; CleanStop stays false when a step
                    // may have reached the target, so that the retry looks up before creating.
                    delivery.Entry = await _ledger.SaveAsync(entry with
                    {
                        LastError = $"attempt {delivery.DequeueCount} failed: {failure.Reason}",
                        TargetTraceId = failure.TraceId ?? entry.TargetTraceId,
                        ClaimedBy = null,
                    }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException ledgerFailure)
            {
                // The ledger itself may be what failed; the host's retry reads it afresh (and the re-drive's count bounds
                // how often a last attempt can end here).
                SyncLog.FailedAttemptNotRecorded(_logger, ledgerFailure, delivery.EventId);
            }
        }

        var outcome = Outcome(delivery, last ? EventOutcomeKind.GivenUp : EventOutcomeKind.Retried, delivery.Entry?.Status ?? EventLedgerStatus.Queued, failure.Reason);
        return outcome with { Exception = exception };
    }

    /// <summary>Writes a final status, gives the leases back and, for a failure or conflict, notifies.</summary>
    private async Task<EventOutcome> FinalAsync(EventDelivery delivery, EventVerdict verdict, CancellationToken cancellationToken)
    {
        var entry = delivery.Entry!;
        var status = verdict.Status;
        delivery.Entry = await _ledger.SaveAsync(entry with
        {
            Type = delivery.EventType ?? entry.Type,
            Status = status,
            LastError = status == EventLedgerStatus.Applied ? null : verdict.Reason,
            TargetTraceId = verdict.TraceId ?? entry.TargetTraceId,
            Outcome = verdict.Outcome ?? $"{status.ToString().ToLowerInvariant()}: {verdict.Reason}",
            TargetContactId = verdict.TargetContactId ?? entry.TargetContactId ?? delivery.Plan?.GhlContactId,
            Plan = delivery.Plan ?? entry.Plan,
            Leases = [],
            ClaimedBy = null,
            CleanStop = true,
        }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await ReleaseLeasesAsync(delivery, entry, cancellationToken).ConfigureAwait(false);

        if (status == EventLedgerStatus.Failed)
        {
            SyncLog.EventFailed(_logger, delivery.EventId, delivery.EventType ?? "?", delivery.AccountId, delivery.LocationId, verdict.TraceId, verdict.Reason ?? "");
        }

        if (status is EventLedgerStatus.Failed or EventLedgerStatus.Conflict)
        {
            Notify(delivery, status, verdict.Reason ?? status.ToString(), verdict.TraceId);
        }

        var kind = status switch
        {
            EventLedgerStatus.Applied => EventOutcomeKind.Applied,
            EventLedgerStatus.Skipped => EventOutcomeKind.Skipped,
            EventLedgerStatus.Conflict => EventOutcomeKind.Conflict,
            _ => EventOutcomeKind.Failed,
        };
        return Outcome(delivery, kind, status, verdict.Outcome ?? verdict.Reason);
    }

    /// <summary>
    /// Puts a copy back on the queue after the verdict's delay and records why. A plan with no step done is dropped
    /// (and its leases given back) so that the event plans afresh when it returns; a plan partly done is kept with its
    /// leases, so that it resumes where it stopped and nothing overtakes it.
    /// </summary>
    private async Task<EventOutcome> RequeueAsync(EventDelivery delivery, EventVerdict verdict, CancellationToken cancellationToken)
    {
        var entry = delivery.Entry!;
        var reason = verdict.Reason ?? "back on the queue";
        if (verdict.Notify)
        {
            Notify(delivery, verdict.Status, reason, verdict.TraceId);
        }

        var keep = entry.Progress.Steps.Count > 0;
        if (!keep)
        {
            await ReleaseLeasesAsync(delivery, entry, cancellationToken).ConfigureAwait(false);
        }

        delivery.Entry = await _ledger.SaveAsync(entry with
        {
            Type = delivery.EventType ?? entry.Type,
            Status = verdict.Status,
            LastError = reason,
            Plan = keep ? entry.Plan : null,
            Leases = keep ? [.. delivery.Leases.Union(entry.Leases)] : [],
            ClaimedBy = null,
            // Stopped on purpose mid-plan: clean unless a create was under way. Not started yet: as it was.
            CleanStop = verdict.CleanStop && (entry.Status == EventLedgerStatus.Processing ? !delivery.CreateInFlight : entry.CleanStop),
        }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        var due = await _requeue.RequeueAsync(delivery.MessageBody, verdict.Delay, EventRequeue.JitterKey(delivery.EventId, delivery.Entry.Attempts), cancellationToken).ConfigureAwait(false);
        SyncLog.EventRequeued(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, due.TotalSeconds, reason);
        var kind = verdict.Status == EventLedgerStatus.Waiting ? EventOutcomeKind.Waiting : EventOutcomeKind.Requeued;
        return Outcome(delivery, kind, verdict.Status, reason) with { RequeuedAfter = due };
    }

    // Another delivery works on the event, or its location cannot take it now: the ledger entry is left alone (another
    // delivery's to write, or not read at all); only the message comes back.
    private async Task<EventOutcome> PutBackAsync(EventDelivery delivery, EventVerdict verdict, CancellationToken cancellationToken)
    {
        var reason = verdict.Reason ?? "another delivery is working on it";
        var due = await _requeue.RequeueAsync(delivery.MessageBody, verdict.Delay, jitterKey: null, cancellationToken).ConfigureAwait(false);
        SyncLog.EventRequeued(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, due.TotalSeconds, reason);
        return Outcome(delivery, EventOutcomeKind.Requeued, delivery.Entry?.Status ?? EventLedgerStatus.Queued, reason) with { RequeuedAfter = due };
    }

    private async Task ReleaseLeasesAsync(EventDelivery delivery, EventLedgerEntry entry, CancellationToken cancellationToken)
    {
        var keys = delivery.Leases.Union(entry.Leases).ToList();
        if (keys.Count > 0)
        {
            await _leases.ReleaseAsync(delivery.LocationId, keys, delivery.EventId, cancellationToken).ConfigureAwait(false);
            delivery.Leases.Clear();
        }
    }

    private void Notify(EventDelivery delivery, EventLedgerStatus status, string reason, string? traceId) =>
        _notifier.Notify(new FailureNotice
        {
            EventId = delivery.EventId,
            EventType = delivery.EventType ?? "?",
            AccountId = delivery.AccountId,
            LocationId = delivery.LocationId,
            Status = status.ToString(),
            Reason = reason,
            TraceId = traceId,
        });

    private static EventOutcome Outcome(EventDelivery delivery, EventOutcomeKind kind, EventLedgerStatus status, string? reason) => new()
    {
        EventId = delivery.EventId,
        AccountId = delivery.AccountId,
        Direction = delivery.Direction,
        Kind = kind,
        Status = status,
        Reason = reason,
        StepsRun = delivery.StepsRun,
        DequeueCount = delivery.DequeueCount,
    };
}
