using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Processing.RoezanToGhl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Writes drift back to GHL, or only reports it (<see cref="DriftMode.Report"/>, a dry run, or a contact an event is
/// writing right now). A drifted contact is written through the sync engine's <see cref="GhlStepExecutor"/> (update,
/// then add the missing tags) while the run holds the contact's lock, the same lease an event takes to write it. A
/// contact GHL no longer has is reported and, with <see cref="ReconciliationOptions.ReconcileRecreateDeleted"/>,
/// created again under the creation claims an event would take, and re-linked.
/// </summary>
public sealed class DriftRepairer
{
    private static readonly TimeSpan ContactLockDuration = TimeSpan.FromMinutes(2);

    private readonly GhlStepExecutor _executor;
    private readonly ContactLinkStore _links;
    private readonly LeaseStore _leases;
    private readonly ReconciliationOptions _options;
    private readonly ILogger _logger;

    public DriftRepairer(GhlStepExecutor executor, ContactLinkStore links, LeaseStore leases, IOptions<ReconciliationOptions> options, ILogger<DriftRepairer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Repairs or reports the drift of one linked contact; false when the budget ran out before it was done.</summary>
    internal async Task<bool> RepairAsync(ReconcileRun run, GhlContact contact, ContactDrift drift, CancellationToken cancellationToken)
    {
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
            var state = await _links.ReadContactAsync(run.LocationId, contact.Id, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reports a contact GHL no longer has and, when asked to, makes it again; false when the budget ran out.</summary>
    internal async Task<bool> HandleDeletedAsync(ReconcileRun run, LinkedContact linked, CancellationToken cancellationToken)
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

    private bool Repairs(ReconcileRun run) => !run.DryRun && _options.DriftMode == DriftMode.Repair;
}
