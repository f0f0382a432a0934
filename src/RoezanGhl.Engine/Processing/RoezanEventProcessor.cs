using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Applies one queued Roezan event to GHL, exactly once in effect although the queue delivers at least
/// once. The queue function calls <see cref="ProcessAsync"/> with the message body and dequeue count.
/// </summary>
/// <remarks>
/// <para>How each effect is made idempotent:</para>
/// <list type="bullet">
/// <item>The event: its ledger entry is final (Applied, Skipped, Failed, Conflict) → the message is completed
/// without calling GHL. While a delivery works on it, the entry is claimed (ClaimedBy, ETag-conditional);
/// a second delivery of the same event backs off.</item>
/// <item>Each step: the plan is stored on the entry before the first step, and each step's result (the GHL
/// ids) is recorded with the entry's ETag after it completes; a re-delivery resumes at the first step
/// without a result and never repeats one that has one.</item>
/// <item>A step that completed in GHL but crashed before its result was recorded: creates look the object up
/// first on the next attempt (contacts by the links table, then by phone/email in GHL; notes and tasks by
/// their <c>ref:</c> line); updates, tags and completion are idempotent in GHL.</item>
/// <item>Two events for one new contact: both must hold the creation claims of the contact's phone, email
/// and Roezan id (<see cref="LeaseStore"/>); the loser goes back on the queue for a few seconds and then
/// finds the link the winner wrote.</item>
/// <item>Order: events that write a contact's values hold that contact's lease, plan against the state
/// read under it, and skip as stale any change older than the last one applied.</item>
/// </list>
/// <para>Errors: rate limited → a copy back on the queue after the wait, this message completed (no dequeue
/// spent); location needs attention → Waiting and back on the queue after a long delay; permanent → Failed
/// with GHL's message and traceId, and a notification; anything else → the attempt is recorded and the
/// exception goes to the host, which retries and finally moves the message to the poison queue (the last
/// attempt records Failed first).</para>
/// </remarks>
public class RoezanEventProcessor
{
    private readonly RoezanEventQueueClient _queue;
    private readonly EventLedger _ledger;
    private readonly ContactLinkStore _links;
    private readonly LeaseStore _leases;
    private readonly GhlStepExecutor _executor;
    private readonly IPlanningProfileSource _profiles;
    private readonly EventRequeue _requeue;
    private readonly IFailureNotifier _notifier;
    private readonly RoezanOptions _accounts;
    private readonly SyncProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RoezanEventProcessor(
        RoezanEventQueueClient queue,
        EventLedger ledger,
        ContactLinkStore links,
        LeaseStore leases,
        GhlStepExecutor executor,
        IPlanningProfileSource profiles,
        EventRequeue requeue,
        IFailureNotifier notifier,
        IOptions<RoezanOptions> accounts,
        IOptions<SyncProcessingOptions> options,
        TimeProvider time,
        ILogger<RoezanEventProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _requeue = requeue ?? throw new ArgumentNullException(nameof(requeue));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _accounts = accounts.Value;
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Processes one delivery. Returns when the message can be completed (applied, skipped, failed for good,
    /// or a copy re-queued); throws when the host should retry it.
    /// </summary>
    public virtual async Task<ProcessingOutcome> ProcessAsync(BinaryData messageBody, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        QueuedRoezanEvent queued;
        try
        {
            queued = await _queue.ReadAsync(messageBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            SyncLog.UnreadableMessage(_logger, exception.GetType().Name);
            throw new InvalidDataException("The queue message is not a queued Roezan event.", exception);
        }

        if (queued.Event.Id is not { Length: > 0 } eventId)
        {
            SyncLog.UnreadableMessage(_logger, "no event id");
            throw new InvalidDataException("The queued event has no id.");
        }

        var run = new EventRun(queued, eventId, messageBody, dequeueCount);
        if (!_accounts.Accounts.TryGetValue(queued.AccountId, out var account))
        {
            SyncLog.UnknownAccount(_logger, eventId, queued.AccountId);
            run.Entry = await _ledger.ReadAsync(queued.AccountId, eventId, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(run, EventLedgerStatus.Failed, $"account '{queued.AccountId}' is not configured", null, cancellationToken).ConfigureAwait(false);
        }

        run.Account = account;
        try
        {
            return await RunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.RateLimited)
        {
            var delay = exception.RetryAfter ?? _options.RateLimitDelay;
            SyncLog.EventRateLimited(_logger, eventId, queued.AccountId, run.LocationId, exception.TraceId, delay.TotalSeconds);
            return await RequeueAsync(run, delay, EventLedgerStatus.Queued, "rate limited by GHL; back on the queue", cleanStop: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (NeedsAttention(exception) is { } reason)
        {
            SyncLog.LocationNeedsAttention(_logger, eventId, queued.AccountId, run.LocationId, reason);
            Notify(run, EventLedgerStatus.Waiting, $"GHL location needs attention: {reason}", (exception as GhlApiException)?.TraceId);
            return await RequeueAsync(run, _options.LocationAttentionDelay, EventLedgerStatus.Waiting, $"GHL location needs attention: {reason}", cleanStop: true, cancellationToken).ConfigureAwait(false);
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.Permanent)
        {
            var message = GhlMessage(exception);
            run.Entry = run.Entry! with { TargetTraceId = exception.TraceId };
            return await FinishAsync(run, EventLedgerStatus.Failed, message, exception.TraceId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (EventLedger.IsConcurrencyConflict(exception) && run.Entry is not null)
        {
            // Another delivery of this event wrote its entry first: let that one finish; look again shortly.
            SyncLog.EventRequeued(_logger, eventId, queued.AccountId, run.LocationId, _options.LeaseWaitDelay.TotalSeconds, "another delivery is working on it");
            await _requeue.RequeueAsync(messageBody, _options.LeaseWaitDelay, cancellationToken).ConfigureAwait(false);
            return new ProcessingOutcome { Status = run.Entry.Status, RequeuedAfter = _options.LeaseWaitDelay, Reason = "another delivery is working on it" };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordTransientAsync(run, exception, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ProcessingOutcome> RunAsync(EventRun run, CancellationToken cancellationToken)
    {
        run.Entry = await _ledger.ReadAsync(run.Queued.AccountId, run.EventId, cancellationToken).ConfigureAwait(false);
        if (run.Entry.IsFinal)
        {
            SyncLog.EventAlreadyDone(_logger, run.EventId, run.Entry.Status);
            return new ProcessingOutcome { Status = run.Entry.Status, Reason = "already " + run.Entry.Status };
        }

        var now = _time.GetUtcNow();
        if (run.Entry.IsHeldByAnotherRun(run.Claim, now, _options.LeaseDuration))
        {
            var wait = _options.LeaseDuration - (now - run.Entry.ClaimedAt!.Value);
            SyncLog.EventRequeued(_logger, run.EventId, run.Queued.AccountId, run.LocationId, wait.TotalSeconds, "another delivery is working on it");
            await _requeue.RequeueAsync(run.MessageBody, wait, cancellationToken).ConfigureAwait(false);
            return new ProcessingOutcome { Status = run.Entry.Status, RequeuedAfter = wait, Reason = "another delivery is working on it" };
        }

        var profile = _profiles.GetProfile(run.Queued.AccountId);
        var plan = run.Entry.Plan;
        IReadOnlyList<string> leases = run.Entry.Leases;
        LeaseAcquisition? blocked;
        if (plan is null)
        {
            (plan, leases, blocked) = await PlanUnderLeasesAsync(run, profile, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Resuming a stored plan: take its leases back (they are ours; re-entrant).
            blocked = leases.Count == 0 ? null : await _leases.TryAcquireAsync(run.LocationId, leases, run.EventId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            blocked = blocked is { Acquired: true } ? null : blocked;
        }

        if (blocked is not null)
        {
            var reason = $"waits for {blocked.BlockingKey}, held by event {blocked.HeldBy ?? "(another)"}";
            SyncLog.EventWaitsForLease(_logger, run.EventId, blocked.BlockingKey ?? "?", blocked.HeldBy, _options.LeaseWaitDelay.TotalSeconds);
            return await RequeueAsync(run, _options.LeaseWaitDelay, run.Entry.Status is EventLedgerStatus.Received or EventLedgerStatus.Processing ? EventLedgerStatus.Queued : run.Entry.Status, reason, cleanStop: run.Entry.CleanStop, cancellationToken).ConfigureAwait(false);
        }

        run.Plan = plan;
        run.Leases = [.. leases];
        switch (plan!.Disposition)
        {
            case PlanDisposition.Skip:
                await RecordLinksAsync(run, plan.GhlContactId, plan.GhlTaskId, cancellationToken).ConfigureAwait(false);
                SyncLog.EventSkipped(_logger, run.EventId, plan.EventType, run.Queued.AccountId, run.LocationId, plan.Reason);
                return await FinishAsync(run, EventLedgerStatus.Skipped, plan.Reason, null, cancellationToken).ConfigureAwait(false);

            case PlanDisposition.Invalid:
                return await FinishAsync(run, EventLedgerStatus.Failed, plan.Reason, null, cancellationToken).ConfigureAwait(false);

            case PlanDisposition.WaitForContact when now - run.Queued.AcceptedAt > _options.ContactWaitLimit:
                return await FinishAsync(run, EventLedgerStatus.Failed, $"{plan.Reason} after waiting {_options.ContactWaitLimit}", null, cancellationToken).ConfigureAwait(false);

            case PlanDisposition.WaitForContact:
                return await RequeueAsync(run, _options.ContactWaitDelay, EventLedgerStatus.Waiting, plan.Reason, cleanStop: true, cancellationToken).ConfigureAwait(false);

            default:
                return await ApplyAsync(run, plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Plans against the links, takes the leases the plan needs, then plans again against what the links
    /// say now that no other event can change them: the plan that runs is made under its leases.
    /// </summary>
    private async Task<(SyncPlan? Plan, IReadOnlyList<string> Leases, LeaseAcquisition? Blocked)> PlanUnderLeasesAsync(EventRun run, PlanningProfile profile, CancellationToken cancellationToken)
    {
        var subject = SyncPlanner.SubjectOf(run.Queued.Event);
        for (var round = 0; round < 3; round++)
        {
            var snapshot = await _links.ReadSnapshotAsync(run.LocationId, run.Queued.AccountId, subject, cancellationToken).ConfigureAwait(false);
            var plan = SyncPlanner.Plan(run.Queued, run.Account!, profile, snapshot);
            var keys = LeaseKeys(plan, run.Queued.AccountId);
            if (keys.Count == 0)
            {
                return (plan, [], null);
            }

            var acquired = await _leases.TryAcquireAsync(run.LocationId, keys, run.EventId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (!acquired.Acquired)
            {
                return (null, [], acquired);
            }

            snapshot = await _links.ReadSnapshotAsync(run.LocationId, run.Queued.AccountId, subject, cancellationToken).ConfigureAwait(false);
            var final = SyncPlanner.Plan(run.Queued, run.Account!, profile, snapshot);
            if (LeaseKeys(final, run.Queued.AccountId).All(keys.Contains))
            {
                return (final, keys, null);
            }

            // The contact got linked (or unlinked) while we waited for the leases: start over with the right ones.
            await _leases.ReleaseAsync(run.LocationId, keys, run.EventId, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The links of event {run.EventId} kept changing while it planned.");
    }

    /// <summary>
    /// The leases a plan needs: the creation claims when it makes the contact, the contact's lock when it
    /// writes the contact's values (or its recorded state), the task's lock for task events.
    /// </summary>
    internal static List<string> LeaseKeys(SyncPlan plan, string accountId)
    {
        var keys = new List<string>();
        if (plan.Disposition is PlanDisposition.Invalid or PlanDisposition.WaitForContact)
        {
            return keys;
        }

        if (plan.CreatesContact)
        {
            keys.AddRange(plan.Contact.CreationClaimKeys(accountId).Select(key => "new:" + key));
        }
        else if (plan.GhlContactId is { } contactId && (plan.WritesContact || plan.ContactState is not null))
        {
            keys.Add("contact:" + contactId);
        }

        if (plan.RoezanTaskId is { } taskId && (plan.Steps.Count > 0 || plan.TaskState is not null))
        {
            keys.Add($"task:{accountId}:{taskId}");
        }

        return keys;
    }

    private async Task<ProcessingOutcome> ApplyAsync(EventRun run, SyncPlan plan, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var entry = run.Entry!;
        var lookUp = entry.Attempts > 0 && !entry.CleanStop;
        var now = _time.GetUtcNow();
        run.Entry = entry = await _ledger.SaveAsync(entry with
        {
            Type = run.Queued.Event.Type,
            Status = EventLedgerStatus.Processing,
            Attempts = entry.Attempts + 1,
            Plan = plan,
            Leases = run.Leases,
            ClaimedBy = run.Claim,
            ClaimedAt = now,
            CleanStop = false,
            LastAttemptAt = now,
        }, now, cancellationToken).ConfigureAwait(false);

        var progress = entry.Progress;
        var contactId = progress.GhlContactId ?? plan.GhlContactId;
        var taskId = progress.GhlTaskId ?? plan.GhlTaskId;
        var ran = 0;
        for (var index = progress.Steps.Count; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            var context = new StepContext { LocationId = run.LocationId, EventId = run.EventId, GhlContactId = contactId, GhlTaskId = taskId, LookUpBeforeCreating = lookUp };
            StepResult? result = null;
            if (step is UpsertContactStep or CreateContactStep && lookUp
                && await _links.FindContactIdAsync(run.LocationId, run.Queued.AccountId, plan.Contact, cancellationToken).ConfigureAwait(false) is { } linked)
            {
                // An earlier attempt made the contact and linked it, then stopped before recording the step.
                result = new StepResult { GhlContactId = linked, Adopted = true };
            }

            // While a create runs, a failure of any kind leaves its outcome in doubt (its own lookup may be
            // what was rate limited): the next attempt must then look before creating.
            run.CreateInFlight = step is CreateContactStep or CreateNoteStep or CreateTaskStep;
            result ??= await _executor.ExecuteAsync(context, step, cancellationToken).ConfigureAwait(false);
            run.CreateInFlight = false;
            ran++;
            SyncLog.StepDone(_logger, run.EventId, index + 1, run.LocationId, step);
            contactId = result.GhlContactId ?? contactId;
            taskId = result.GhlTaskId ?? taskId;
            progress = progress.With(result);

            if (step is UpsertContactStep or CreateContactStep)
            {
                await OnContactMadeAsync(run, plan, step, result, cancellationToken).ConfigureAwait(false);
                if (result.Conflict is not null)
                {
                    run.Entry = run.Entry! with { Progress = progress };
                    return await ConflictAsync(run, plan, result, lookUp, cancellationToken).ConfigureAwait(false);
                }
            }

            if (index < plan.Steps.Count - 1)
            {
                // The checkpoint: this step's result is recorded before the next step runs (and the hold renewed).
                now = _time.GetUtcNow();
                run.Entry = await _ledger.SaveAsync(run.Entry! with { Progress = progress, ClaimedAt = now }, now, cancellationToken).ConfigureAwait(false);
            }
        }

        run.Entry = run.Entry! with { Progress = progress };
        await RecordLinksAsync(run, contactId, taskId, cancellationToken).ConfigureAwait(false);
        var outcome = Describe(plan, progress);
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        SyncLog.EventApplied(_logger, run.EventId, plan.EventType, run.Queued.AccountId, run.LocationId, plan.Steps.Count, contactId, elapsed);
        var finished = await FinishAsync(run, EventLedgerStatus.Applied, null, null, cancellationToken, outcome, contactId).ConfigureAwait(false);
        return finished with { StepsRun = ran };
    }

    /// <summary>
    /// Right after the GHL contact exists: the event takes the contact's lock (new, so free) and links the
    /// identities GHL kept to it, so that waiting events find it even if this one stops before its end.
    /// </summary>
    private async Task OnContactMadeAsync(EventRun run, SyncPlan plan, PlanStep step, StepResult result, CancellationToken cancellationToken)
    {
        var contactId = result.GhlContactId ?? throw new InvalidOperationException("A contact step returned no contact id.");
        var lockKey = "contact:" + contactId;
        if (!run.Leases.Contains(lockKey))
        {
            await _leases.TryAcquireAsync(run.LocationId, [lockKey], run.EventId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            run.Leases.Add(lockKey);
        }

        var identity = plan.Contact;
        if (result.ConflictMembers.Contains("phone")) identity = identity with { Phone = null };
        if (result.ConflictMembers.Contains("email")) identity = identity with { Email = null };
        var fields = step switch
        {
            UpsertContactStep upsert => upsert.Fields,
            CreateContactStep create => create.Fields,
            _ => ContactFields.Empty,
        };
        var state = new ContactSnapshot { GhlContactId = contactId, Fields = fields, LastEventId = run.EventId };
        await _links.RecordContactAsync(run.LocationId, run.Queued.AccountId, contactId, identity, state, run.EventId, cancellationToken).ConfigureAwait(false);
    }

    // GHL kept a different phone/email/name than we sent: say so on the contact and in the ledger, stop there.
    private async Task<ProcessingOutcome> ConflictAsync(EventRun run, SyncPlan plan, StepResult result, bool lookUp, CancellationToken cancellationToken)
    {
        var contactId = result.GhlContactId!;
        var reference = GhlReference.ForEvent(run.EventId) + "/conflict";
        var body = GhlReference.AppendTo(
            $"RoezanGhl could not apply Roezan contact {plan.Contact.RoezanContactId ?? "(no id)"} as sent. GHL matched this contact but did not keep: {result.Conflict}. " +
            $"Another GHL contact may hold these values: merge or correct them, then re-drive event {run.EventId}.",
            reference);
        var note = new CreateNoteStep { Body = body, Reference = reference, Reason = "record the conflict on the contact" };
        await _executor.ExecuteAsync(new StepContext { LocationId = run.LocationId, EventId = run.EventId, GhlContactId = contactId, LookUpBeforeCreating = lookUp }, note, cancellationToken).ConfigureAwait(false);

        var members = string.Join(", ", result.ConflictMembers);
        SyncLog.EventConflict(_logger, run.EventId, run.Queued.AccountId, run.LocationId, contactId, result.TraceId, members);
        return await FinishAsync(run, EventLedgerStatus.Conflict, $"GHL matched contact {contactId} but did not keep: {members} (a note on the contact has the details)", result.TraceId, cancellationToken, $"conflict on GHL contact {contactId}", contactId).ConfigureAwait(false);
    }

    /// <summary>Records the contact's links and last applied state, and the task's link, as the plan says (all upserts: repeating them is harmless).</summary>
    private async Task RecordLinksAsync(EventRun run, string? contactId, string? taskId, CancellationToken cancellationToken)
    {
        var plan = run.Plan!;
        if (contactId is not null && (plan.CreatesContact || plan.ContactState is not null))
        {
            var state = plan.ContactState is { } fields
                ? new ContactSnapshot { GhlContactId = contactId, Fields = fields, LastOccurredAt = plan.ContactStateOccurredAt, LastEventId = run.EventId }
                : null;
            await _links.RecordContactAsync(run.LocationId, run.Queued.AccountId, contactId, plan.Contact, state, run.EventId, cancellationToken).ConfigureAwait(false);
        }

        if (plan.RoezanTaskId is { } roezanTaskId && plan.TaskState is { } taskState && taskId is not null && contactId is not null)
        {
            var task = new TaskSnapshot { GhlTaskId = taskId, GhlContactId = contactId, Fields = taskState, LastOccurredAt = plan.TaskStateOccurredAt };
            await _links.RecordTaskAsync(run.LocationId, run.Queued.AccountId, roezanTaskId, task, run.EventId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a final status, gives the leases back and, for a failure or conflict, notifies.</summary>
    private async Task<ProcessingOutcome> FinishAsync(EventRun run, EventLedgerStatus status, string? reason, string? traceId, CancellationToken cancellationToken, string? outcome = null, string? contactId = null)
    {
        var now = _time.GetUtcNow();
        var entry = run.Entry ?? await _ledger.ReadAsync(run.Queued.AccountId, run.EventId, cancellationToken).ConfigureAwait(false);
        run.Entry = await _ledger.SaveAsync(entry with
        {
            Type = run.Queued.Event.Type,
            Status = status,
            LastError = status == EventLedgerStatus.Applied ? null : reason,
            TargetTraceId = traceId ?? entry.TargetTraceId,
            Outcome = outcome ?? $"{status.ToString().ToLowerInvariant()}: {reason}",
            TargetContactId = contactId ?? entry.TargetContactId ?? run.Plan?.GhlContactId,
            Plan = run.Plan ?? entry.Plan,
            Leases = [],
            ClaimedBy = null,
            CleanStop = true,
        }, now, cancellationToken).ConfigureAwait(false);
        await ReleaseLeasesAsync(run, cancellationToken).ConfigureAwait(false);

        if (status is EventLedgerStatus.Failed or EventLedgerStatus.Conflict)
        {
            if (status == EventLedgerStatus.Failed)
            {
                SyncLog.EventFailed(_logger, run.EventId, run.Queued.Event.Type ?? "?", run.Queued.AccountId, run.LocationId, traceId, reason ?? "");
            }

            Notify(run, status, reason ?? status.ToString(), traceId);
        }

        return new ProcessingOutcome { Status = status, Reason = outcome ?? reason };
    }

    /// <summary>
    /// Puts a copy back on the queue after <paramref name="delay"/> and records why. A plan with no step done
    /// is dropped (and its leases given back) so that the event plans afresh when it returns; a plan partly
    /// done is kept with its leases, so that it resumes where it stopped and nothing overtakes it.
    /// </summary>
    private async Task<ProcessingOutcome> RequeueAsync(EventRun run, TimeSpan delay, EventLedgerStatus status, string reason, bool cleanStop, CancellationToken cancellationToken)
    {
        var entry = run.Entry ?? await _ledger.ReadAsync(run.Queued.AccountId, run.EventId, cancellationToken).ConfigureAwait(false);
        var keep = entry.Progress.Steps.Count > 0;
        if (!keep)
        {
            await ReleaseLeasesAsync(run, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        run.Entry = await _ledger.SaveAsync(entry with
        {
            Type = run.Queued.Event.Type,
            Status = status,
            LastError = reason,
            Plan = keep ? entry.Plan : null,
            Leases = keep ? [.. run.Leases.Union(entry.Leases)] : [],
            ClaimedBy = null,
            // Stopped on purpose mid-plan: clean unless a create was under way. Not started yet: as it was.
            CleanStop = cleanStop && (entry.Status == EventLedgerStatus.Processing ? !run.CreateInFlight : entry.CleanStop),
        }, now, cancellationToken).ConfigureAwait(false);

        var due = delay + Jitter(run);
        await _requeue.RequeueAsync(run.MessageBody, due, cancellationToken).ConfigureAwait(false);
        SyncLog.EventRequeued(_logger, run.EventId, run.Queued.AccountId, run.LocationId, due.TotalSeconds, reason);
        return new ProcessingOutcome { Status = status, RequeuedAfter = due, Reason = reason };
    }

    /// <summary>Records a failed attempt (the host retries); on the last allowed attempt records the event as failed first.</summary>
    private async Task RecordTransientAsync(EventRun run, Exception exception, CancellationToken cancellationToken)
    {
        var ghl = exception as GhlApiException;
        var last = run.DequeueCount >= _options.MaxDequeueCount;
        var reason = ghl is not null ? GhlMessage(ghl) : $"{exception.GetType().Name}: {exception.Message}";
        if (last)
        {
            SyncLog.EventGivenUp(_logger, exception, run.EventId, run.Queued.Event.Type ?? "?", run.Queued.AccountId, run.LocationId, run.DequeueCount, ghl?.TraceId);
        }
        else
        {
            SyncLog.EventTransientFailure(_logger, exception, run.EventId, run.Queued.AccountId, run.LocationId, run.DequeueCount, ghl?.TraceId);
        }

        if (run.Entry is not { } entry)
        {
            return;
        }

        try
        {
            if (last)
            {
                await FinishAsync(run, EventLedgerStatus.Failed, $"gave up after {run.DequeueCount} attempts, moved to the poison queue: {reason}", ghl?.TraceId, cancellationToken).ConfigureAwait(false);
                return;
            }

            // The claim is given back so the host's retry starts at once; CleanStop stays false when a step
            // may have reached GHL, so that the retry looks up before creating.
            run.Entry = await _ledger.SaveAsync(entry with
            {
                LastError = $"attempt {run.DequeueCount} failed: {reason}",
                TargetTraceId = ghl?.TraceId ?? entry.TargetTraceId,
                ClaimedBy = null,
            }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // The ledger itself may be what failed; the host's retry reads it afresh.
        }
    }

    private async Task ReleaseLeasesAsync(EventRun run, CancellationToken cancellationToken)
    {
        var keys = run.Leases.Union(run.Entry?.Leases ?? []).ToList();
        if (keys.Count > 0)
        {
            await _leases.ReleaseAsync(run.LocationId, keys, run.EventId, cancellationToken).ConfigureAwait(false);
            run.Leases.Clear();
        }
    }

    private void Notify(EventRun run, EventLedgerStatus status, string reason, string? traceId) =>
        _notifier.Notify(new FailureNotice
        {
            EventId = run.EventId,
            EventType = run.Queued.Event.Type ?? "?",
            AccountId = run.Queued.AccountId,
            LocationId = run.LocationId,
            Status = status.ToString(),
            Reason = reason,
            TraceId = traceId,
        });

    // Spreads re-queued events over a few seconds; stable per event and attempt so tests can reason about it.
    private TimeSpan Jitter(EventRun run)
    {
        if (_options.RequeueJitter <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var seed = (uint)StringComparer.Ordinal.GetHashCode(run.EventId + "/" + (run.Entry?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture));
        return TimeSpan.FromMilliseconds(seed % (uint)Math.Max(1, _options.RequeueJitter.TotalMilliseconds));
    }

    private static string? NeedsAttention(Exception exception) => exception switch
    {
        GhlLocationNeedsAttentionException attention => attention.Reason,
        GhlApiException { Kind: GhlErrorKind.LocationNeedsAttention } ghl => GhlMessage(ghl),
        _ => null,
    };

    private static string GhlMessage(GhlApiException exception) =>
        $"GHL {exception.Operation ?? "call"} answered {(exception.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "nothing")}: {string.Join("; ", exception.Messages.Count > 0 ? exception.Messages : [exception.Message])}";

    private static string Describe(SyncPlan plan, ProcessingProgress progress)
    {
        var parts = new List<string>(plan.Steps.Count);
        for (var i = 0; i < plan.Steps.Count && i < progress.Steps.Count; i++)
        {
            var result = progress.Steps[i];
            var id = result.GhlNoteId ?? result.GhlTaskId ?? result.GhlContactId;
            parts.Add($"{plan.Steps[i].GetType().Name.Replace("Step", "", StringComparison.Ordinal)}{(id is null ? "" : " " + id)}{(result.Adopted ? " (found, not re-created)" : "")}");
        }

        return $"applied: {string.Join("; ", parts)}";
    }

    /// <summary>The state of one delivery while it runs.</summary>
    private sealed class EventRun(QueuedRoezanEvent queued, string eventId, BinaryData messageBody, long dequeueCount)
    {
        public QueuedRoezanEvent Queued { get; } = queued;

        public string EventId { get; } = eventId;

        public BinaryData MessageBody { get; } = messageBody;

        public long DequeueCount { get; } = dequeueCount;

        public string Claim { get; } = EventLedger.ProcessorClaimPrefix + Guid.NewGuid().ToString("N");

        public RoezanAccountOptions? Account { get; set; }

        public string LocationId => Account?.GhlLocationId ?? "(unknown)";

        public EventLedgerEntry? Entry { get; set; }

        public SyncPlan? Plan { get; set; }

        public List<string> Leases { get; set; } = [];

        /// <summary>True while a create step runs (its outcome would be unknown if the run stopped now).</summary>
        public bool CreateInFlight { get; set; }
    }
}
