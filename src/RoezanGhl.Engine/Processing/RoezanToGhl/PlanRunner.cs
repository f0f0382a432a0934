using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// Runs a plan's steps against GHL through <see cref="GhlStepExecutor"/>, recording a checkpoint in the ledger after
/// each one, and says how the run ended: applied, or in conflict when GHL did not keep what was sent.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each step: the plan is stored on the ledger entry before the first step, and each step's result (the GHL
/// ids) is recorded with the entry's ETag after it completes; a re-delivery resumes at the first step without a
/// result and never repeats one that has one.</item>
/// <item>A step that completed in GHL but crashed before its result was recorded: creates look the object up first
/// on the next attempt (contacts by the links table, then by phone/email in GHL; notes and tasks by their
/// <c>ref:</c> line); updates, tags and completion are idempotent in GHL.</item>
/// </list>
/// </remarks>
public sealed class PlanRunner
{
    private readonly EventLedger _ledger;
    private readonly GhlStepExecutor _executor;
    private readonly ContactLinker _linker;
    private readonly ContactUpdateCoalescer _coalescer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PlanRunner(EventLedger ledger, GhlStepExecutor executor, ContactLinker linker, ContactUpdateCoalescer coalescer, TimeProvider time, ILogger<PlanRunner> logger)
    {
        _coalescer = coalescer ?? throw new ArgumentNullException(nameof(coalescer));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _linker = linker ?? throw new ArgumentNullException(nameof(linker));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Runs the steps of <paramref name="plan"/> that have no result yet; the delivery holds the plan's leases.</summary>
    public async Task<EventVerdict> RunAsync(EventDelivery delivery, SyncPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        var started = _time.GetTimestamp();
        var entry = delivery.Entry ?? throw new InvalidOperationException($"The ledger entry of event {delivery.EventId} was not read.");
        var lookUp = entry.Attempts > 0 && !entry.CleanStop;
        var now = _time.GetUtcNow();
        delivery.Entry = entry = await _ledger.SaveAsync(entry with
        {
            Type = delivery.EventType ?? entry.Type,
            Status = EventLedgerStatus.Processing,
            Attempts = entry.Attempts + 1,
            Plan = plan,
            Leases = [.. delivery.Leases],
            ClaimedBy = delivery.Claim,
            ClaimedAt = now,
            CleanStop = false,
            LastAttemptAt = now,
        }, now, cancellationToken).ConfigureAwait(false);

        var progress = entry.Progress;
        var contactId = progress.GhlContactId ?? plan.GhlContactId;
        var taskId = progress.GhlTaskId ?? plan.GhlTaskId;
        for (var index = progress.Steps.Count; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            using var stepActivity = EventTracing.StartStep(step, index + 1);
            var context = new StepContext { LocationId = delivery.LocationId, EventId = delivery.EventId, GhlContactId = contactId, GhlTaskId = taskId, LookUpBeforeCreating = lookUp };
            StepResult? result = null;
            if (step is UpsertContactStep or CreateContactStep && lookUp
                && await _linker.FindLinkedContactAsync(delivery, plan, cancellationToken).ConfigureAwait(false) is { } linked)
            {
                // An earlier attempt made the contact and linked it, then stopped before recording the step.
                result = new StepResult { GhlContactId = linked, Adopted = true };
            }
            else if (step is AddTagsStep { OnlyIfContactFound: true } && plan.CreatesContact && progress.Steps is [{ Adopted: false }, ..])
            {
                // The create made the contact with these tags in its body: there is nothing to add.
                result = new StepResult { GhlContactId = contactId };
            }

            // While a create runs, a failure of any kind leaves its outcome in doubt (its own lookup may be
            // what was rate limited): the next attempt must then look before creating.
            delivery.CreateInFlight = step is CreateContactStep or CreateNoteStep or CreateTaskStep or AddInboundMessageStep;
            result ??= await _executor.ExecuteAsync(context, step, cancellationToken).ConfigureAwait(false);
            delivery.CreateInFlight = false;
            delivery.StepsRun++;
            SyncLog.StepDone(_logger, delivery.EventId, index + 1, delivery.LocationId, step);
            contactId = result.GhlContactId ?? contactId;
            taskId = result.GhlTaskId ?? taskId;
            progress = progress.With(result);

            if (step is UpsertContactStep or CreateContactStep)
            {
                await _linker.OnContactMadeAsync(delivery, plan, step, result, cancellationToken).ConfigureAwait(false);
                if (result.Conflict is not null)
                {
                    delivery.Entry = delivery.Entry with { Progress = progress };
                    return await ConflictAsync(delivery, plan, result, lookUp, cancellationToken).ConfigureAwait(false);
                }
            }

            if (index < plan.Steps.Count - 1)
            {
                // The checkpoint: this step's result is recorded before the next step runs (and the hold renewed).
                now = _time.GetUtcNow();
                delivery.Entry = await _ledger.SaveAsync(delivery.Entry with { Progress = progress, Leases = [.. delivery.Leases], ClaimedAt = now }, now, cancellationToken).ConfigureAwait(false);
            }
        }

        delivery.Entry = delivery.Entry with { Progress = progress };
        await _linker.RecordLinksAsync(delivery, plan, contactId, taskId, cancellationToken).ConfigureAwait(false);

        // Before the finisher releases the contact's lock: the coalesced events become final, "coalesced into" this one.
        await _coalescer.FinishAbsorbedAsync(delivery, plan, contactId, cancellationToken).ConfigureAwait(false);
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        SyncLog.EventApplied(_logger, delivery.EventId, plan.EventType, delivery.AccountId, delivery.LocationId, plan.Steps.Count, contactId, elapsed);
        return EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: Describe(plan, progress), targetContactId: contactId);
    }

    // GHL kept a different phone/email/name than we sent: say so on the contact and in the ledger, stop there.
    private async Task<EventVerdict> ConflictAsync(EventDelivery delivery, SyncPlan plan, StepResult result, bool lookUp, CancellationToken cancellationToken)
    {
        var contactId = result.GhlContactId!;
        var reference = GhlReference.ForEvent(delivery.EventId) + "/conflict";
        var body = GhlReference.AppendTo(
            $"RoezanGhl could not apply Roezan contact {plan.Contact.RoezanContactId ?? "(no id)"} as sent. GHL matched this contact but did not keep: {result.Conflict}. " +
            $"Another GHL contact may hold these values: merge or correct them, then re-drive event {delivery.EventId}.",
            reference);
        var note = new CreateNoteStep { Body = body, Reference = reference, Reason = "record the conflict on the contact" };
        var context = new StepContext { LocationId = delivery.LocationId, EventId = delivery.EventId, GhlContactId = contactId, LookUpBeforeCreating = lookUp };
        await _executor.ExecuteAsync(context, note, cancellationToken).ConfigureAwait(false);

        var members = string.Join(", ", result.ConflictMembers);
        SyncLog.EventConflict(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, contactId, result.TraceId, members);
        return EventVerdict.Final(
            EventLedgerStatus.Conflict,
            $"GHL matched contact {contactId} but did not keep: {members} (a note on the contact has the details)",
            result.TraceId,
            $"conflict on GHL contact {contactId}",
            contactId);
    }

    private static string Describe(SyncPlan plan, ProcessingProgress progress)
    {
        var parts = new List<string>(plan.Steps.Count);
        for (var i = 0; i < plan.Steps.Count && i < progress.Steps.Count; i++)
        {
            var result = progress.Steps[i];
            var id = result.GhlNoteId ?? result.GhlTaskId ?? result.GhlContactId;
            parts.Add($"{plan.Steps[i].GetType().Name.Replace("Step", "", StringComparison.Ordinal)}{(id is null ? "" : " " + id)}{(result.Adopted ? " (found, not re-created)" : "")}");
        }

        var coalesced = plan.CoalescedEventIds.Count == 0 ? "" : $" (coalesced: {string.Join(", ", plan.CoalescedEventIds)})";
        return $"applied: {string.Join("; ", parts)}{coalesced}";
    }
}
