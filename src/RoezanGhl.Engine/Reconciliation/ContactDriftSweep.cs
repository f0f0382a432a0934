using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The drift sweep of one location. Pages through <c>GET /contacts/</c> from the stored cursor
/// (<c>startAfter</c>/<c>startAfterId</c>) and compares each linked contact's synced fields with the last
/// Roezan state the links hold (<see cref="ContactDrift"/>); <see cref="DriftRepairer"/> writes a difference back or
/// reports it. At the end of a pass, linked contacts the pass did not see are looked up, and one GHL no longer has
/// goes to the repairer too. The cursor is saved after the work it covers, so a run that stops (budget, reserve,
/// failure) resumes where it was.
/// </summary>
public sealed class ContactDriftSweep
{
    private readonly GhlContactsClient _ghl;
    private readonly ContactLinkStore _links;
    private readonly ReconcileCursorStore _cursors;
    private readonly DriftRepairer _repairer;
    private readonly TimeProvider _time;
    private readonly GhlChangeCatchUp _ghlChanges;

    public ContactDriftSweep(GhlContactsClient ghl, ContactLinkStore links, ReconcileCursorStore cursors, DriftRepairer repairer, TimeProvider time, GhlChangeCatchUp ghlChanges)
    {
        _ghlChanges = ghlChanges ?? throw new ArgumentNullException(nameof(ghlChanges));
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _repairer = repairer ?? throw new ArgumentNullException(nameof(repairer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        // Drift both ways, GHL's side first: a change made in GHL whose webhook never came goes to Roezan, and is then
        // not "repaired" back to Roezan's older state by the sweep below.
        await _ghlChanges.RunAsync(run, cancellationToken).ConfigureAwait(false);
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

        if (run.ChangedInGhl.Contains(contact.Id))
        {
            return true; // Changed in GHL and fed to Roezan this run: GHL's state is the newer one.
        }

        run.ContactsChecked++;
        var drift = ContactDrift.Between(state.Fields, contact);
        if (drift.IsEmpty)
        {
            return true;
        }

        return await _repairer.RepairAsync(run, contact, drift, cancellationToken).ConfigureAwait(false);
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
                if (!await _repairer.HandleDeletedAsync(run, linked, cancellationToken).ConfigureAwait(false))
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
}
