using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Processing.RoezanToGhl;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Drift repair for one location. Pages through <c>GET /contacts/</c> from the stored cursor
/// (<c>startAfter</c>/<c>startAfterId</c>) and compares each linked contact's synced fields with the last
/// Roezan state the links hold (<see cref="ContactDrift"/>). A difference is written back through the sync
/// engine's <see cref="GhlStepExecutor"/> (update, then add the missing tags) while the run holds the
/// contact's lock, the same lease an event takes to write it, or only reported (<see cref="DriftMode.Report"/>,
/// a dry run, or a contact an event is writing right now). At the end of a pass, linked contacts the pass did
/// not see are looked up; a contact GHL no longer has is reported and, with
/// <see cref="ReconciliationOptions.ReconcileRecreateDeleted"/>, created again and re-linked. The cursor is
/// saved after the work it covers, so a run that stops (budget, reserve, failure) resumes where it was.
/// </summary>
public sealed class ContactDriftSweep
{
    private static readonly TimeSpan ContactLockDuration = TimeSpan.FromMinutes(2);

    private readonly GhlContactsClient _ghl;
    private readonly GhlStepExecutor _executor;
    private readonly ContactLinkStore _links;
    private readonly LeaseStore _leases;
    private readonly ReconcileCursorStore _cursors;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ContactDriftSweep(
        GhlContactsClient ghl,
        GhlStepExecutor executor,
        ContactLinkStore links,
        LeaseStore leases,
        ReconcileCursorStore cursors,
        IOptions<ReconciliationOptions> options,
        TimeProvider time,
        ILogger<ContactDriftSweep> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    private bool Repairs(ReconcileRun run) => !run.DryRun && _options.DriftMode == DriftMode.Repair;

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        var cursor = await _cursors.GetDriftCursorAsync(run.LocationId, cancellationToken).ConfigureAwait(false);
        cursor = cursor with { PassStartedAt = cursor.PassStartedAt ?? _time.GetUtcNow() };
        try
        {
            if (!cursor.CheckingDeletions)
            {
                cursor = await SweepContactsAsync(run, cursor, cancellationToken).ConfigureAwait(false);
            }

            if (cursor.CheckingDeletions)
            {
                await CheckDeletionsAsync(run, cursor, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.RateLimited)
        {
            // GHL's limit, or the daily reserve that background work must leave: the cursor holds the work done.
            run.Stop("GHL rate limit or daily reserve reached");
        }
    }

    private async Task<DriftCursor> SweepContactsAsync(ReconcileRun run, DriftCursor cursor, CancellationToken cancellationToken)
    {
        GhlContactListQuery? query = new() { StartAfter = cursor.StartAfter, StartAfterId = cursor.StartAfterId };
        while (query is not null)
        {
            if (!run.Ghl.TrySpend())
            {
                run.Stop("GHL call budget spent");
                return cursor;
            }

            var page = await _ghl.GetContactsPageAsync(run.LocationId, query, cancellationToken).ConfigureAwait(false);
            var seen = new List<string>(page.Contacts.Count);
            var stopped = false;
            foreach (var contact in page.Contacts)
            {
                if (!await CheckAsync(run, contact, cancellationToken).ConfigureAwait(false))
                {
                    stopped = true;
                    break;
                }

                seen.Add(contact.Id);
                run.Seen.Add(contact.Id);
                cursor = contact.DateAdded is { } added ? cursor with { StartAfter = added.ToUnixTimeMilliseconds(), StartAfterId = contact.Id } : cursor;
            }

            if (!stopped && page.NextCursor is { } next)
            {
                cursor = cursor with { StartAfter = next.StartAfter, StartAfterId = next.StartAfterId };
            }
            else if (!stopped)
            {
                cursor = cursor with { CheckingDeletions = true, DeletionAfter = null };
            }

            if (!run.DryRun)
            {
                await _cursors.MarkSeenAsync(run.LocationId, cursor.Pass, seen, cancellationToken).ConfigureAwait(false);
                await _cursors.SaveDriftCursorAsync(run.LocationId, cursor, cancellationToken).ConfigureAwait(false);
            }

            query = stopped || cursor.CheckingDeletions ? null : page.NextCursor;
        }

        return cursor;
    }

    /// <summary>Compares one contact and repairs or reports it; false when the budget ran out before it was done.</summary>
    private async Task<bool> CheckAsync(ReconcileRun run, GhlContact contact, CancellationToken cancellationToken)
    {
        var state = await _links.ReadContactAsync(run.LocationId, contact.Id, cancellationToken).ConfigureAwait(false);
        if (state.LastEventId is null && state.Fields.IsEmpty)
        {
            return true; // Not a contact the sync wrote: nothing of ours to compare.
        }

        run.ContactsChecked++;
        var drift = ContactDrift.Between(state.Fields, contact);
        if (drift.IsEmpty)
        {
            return true;
        }

        if (!Repairs(run))
        {
            run.Reported++;
            var members = drift.Describe();
            ReconcileLog.DriftReported(_logger, run.LocationId, contact.Id, members);
            return true;
        }

        string[] keys = [GhlLeaseKeys.ContactLock(contact.Id)];
        var lease = await _leases.TryAcquireAsync(run.LocationId, keys, run.Owner, ContactLockDuration, cancellationToken).ConfigureAwait(false);
        if (!lease.Acquired)
        {
            run.Reported++;
            ReconcileLog.DriftContactBusy(_logger, run.LocationId, contact.Id, lease.HeldBy);
            return true;
        }

        try
        {
            // Under the lock: the state an event may just have written is the one to restore.
            state = await _links.ReadContactAsync(run.LocationId, contact.Id, cancellationToken).ConfigureAwait(false);
            drift = ContactDrift.Between(state.Fields, contact);
            var calls = (drift.Changed.IsEmpty ? 0 : 1) + (drift.MissingTags.Count == 0 ? 0 : 1);
            if (calls > 0 && !run.Ghl.TrySpend(calls))
            {
                run.Stop("GHL call budget spent");
                return false;
            }

            var context = new StepContext { LocationId = run.LocationId, EventId = run.Owner, GhlContactId = contact.Id };
            if (!drift.Changed.IsEmpty)
            {
                await _executor.ExecuteAsync(context, new UpdateContactStep { Fields = drift.Changed, Reason = "drift repair: GHL no longer holds the last Roezan values" }, cancellationToken).ConfigureAwait(false);
            }

            if (drift.MissingTags.Count > 0)
            {
                await _executor.ExecuteAsync(context, new AddTagsStep { Tags = drift.MissingTags, Reason = "drift repair: tags the sync added are gone" }, cancellationToken).ConfigureAwait(false);
            }

            if (!drift.IsEmpty)
            {
                run.Repaired++;
                var members = drift.Describe();
                ReconcileLog.DriftRepaired(_logger, run.LocationId, contact.Id, members);
            }

            return true;
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.Permanent)
        {
            run.Reported++;
            ReconcileLog.DriftRepairRefused(_logger, run.LocationId, contact.Id, exception.TraceId, exception.Message);
            return true;
        }
        finally
        {
            await _leases.ReleaseAsync(run.LocationId, keys, run.Owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task CheckDeletionsAsync(ReconcileRun run, DriftCursor cursor, CancellationToken cancellationToken)
    {
        await foreach (var linked in _links.ListLinkedContactsAsync(run.LocationId, cursor.DeletionAfter, cancellationToken).ConfigureAwait(false))
        {
            var id = linked.State.GhlContactId;
            if (run.Seen.Contains(id) || await _cursors.GetSeenPassAsync(run.LocationId, id, cancellationToken).ConfigureAwait(false) == cursor.Pass)
            {
                continue;
            }

            if (!run.Ghl.TrySpend())
            {
                run.Stop("GHL call budget spent");
                return;
            }

            try
            {
                // Linked after the sweep went past it, or gone: only GHL can say.
                await _ghl.GetContactAsync(run.LocationId, id, cancellationToken).ConfigureAwait(false);
            }
            catch (GhlApiException exception) when (exception.IsNotFound)
            {
                if (!await HandleDeletedAsync(run, linked, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            cursor = cursor with { DeletionAfter = id };
            if (!run.DryRun)
            {
                await _cursors.SaveDriftCursorAsync(run.LocationId, cursor, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!run.DryRun)
        {
            await _cursors.SaveDriftCursorAsync(run.LocationId, DriftCursor.Start with { Pass = cursor.Pass + 1 }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reports a contact GHL no longer has and, when asked to, makes it again; false when the budget ran out.</summary>
    private async Task<bool> HandleDeletedAsync(ReconcileRun run, LinkedContact linked, CancellationToken cancellationToken)
    {
        var state = linked.State;
        var fields = state.Fields.WithoutTags();
        if (!Repairs(run) || !_options.ReconcileRecreateDeleted || fields.IsEmpty)
        {
            run.Deleted++;
            ReconcileLog.DeletedReported(_logger, run.LocationId, state.GhlContactId);
            return true;
        }

        // Up to two duplicate lookups, the create, and the tags.
        var calls = 3 + (state.Fields.Tags.Count == 0 ? 0 : 1);
        if (!run.Ghl.TrySpend(calls))
        {
            run.Stop("GHL call budget spent");
            return false;
        }

        var accountId = linked.AccountId ?? run.Accounts[0].Key;
        var identity = new ContactIdentity { RoezanContactId = linked.RoezanContactId, Phone = fields.Phone, Email = fields.Email };
        // The processor's lease names: the creation claims of the identity and the old contact's lock.
        var keys = identity.CreationClaimKeys(accountId).Select(GhlLeaseKeys.CreationClaim).Append(GhlLeaseKeys.ContactLock(state.GhlContactId)).ToList();
        var lease = await _leases.TryAcquireAsync(run.LocationId, keys, run.Owner, ContactLockDuration, cancellationToken).ConfigureAwait(false);
        if (!lease.Acquired)
        {
            run.Deleted++;
            ReconcileLog.DriftContactBusy(_logger, run.LocationId, state.GhlContactId, lease.HeldBy);
            return true;
        }

        try
        {
            var context = new StepContext { LocationId = run.LocationId, EventId = run.Owner, LookUpBeforeCreating = true };
            var created = await _executor.ExecuteAsync(context, new CreateContactStep { Fields = fields, Reason = "recreate: the contact was deleted in GHL" }, cancellationToken).ConfigureAwait(false);
            var newId = created.GhlContactId ?? throw new InvalidOperationException("A contact create returned no id.");
            if (state.Fields.Tags.Count > 0)
            {
                await _executor.ExecuteAsync(context with { GhlContactId = newId }, new AddTagsStep { Tags = state.Fields.Tags, Reason = "recreate: the contact's tags" }, cancellationToken).ConfigureAwait(false);
            }

            await _links.RecordContactAsync(run.LocationId, accountId, newId, identity, state with { GhlContactId = newId }, run.Owner, cancellationToken).ConfigureAwait(false);
            await _links.ForgetContactAsync(run.LocationId, state.GhlContactId, cancellationToken).ConfigureAwait(false);
            run.Deleted++;
            run.Recreated++;
            ReconcileLog.DeletedRecreated(_logger, run.LocationId, state.GhlContactId, newId);
            return true;
        }
        finally
        {
            await _leases.ReleaseAsync(run.LocationId, keys, run.Owner, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
