using Microsoft.Extensions.Options;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// The links side of applying a plan: finds the GHL contact an earlier attempt linked, links a contact the moment GHL
/// has it, and records the contact's and task's last applied state when the plan is done. Every write is an upsert, so
/// repeating one is harmless.
/// </summary>
public sealed class ContactLinker
{
    private readonly ContactLinkStore _links;
    private readonly LeaseStore _leases;
    private readonly TimeSpan _leaseDuration;

    public ContactLinker(ContactLinkStore links, LeaseStore leases, IOptions<SyncProcessingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _leaseDuration = options.Value.LeaseDuration;
    }

    /// <summary>The GHL contact the links hold for the plan's contact, if any.</summary>
    public Task<string?> FindLinkedContactAsync(EventDelivery delivery, SyncPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        return _links.FindContactIdAsync(delivery.LocationId, delivery.AccountId, plan.Contact, cancellationToken);
    }

    /// <summary>
    /// GHL answered 404 or 422 for <paramref name="ghlContactId"/>: the links this instance cached for it go, so that the
    /// next event of the contact (and this one's next attempt) looks its link up in the links table again.
    /// </summary>
    public void DropCachedLinks(string ghlContactId) => _links.Cache.DropContact(ghlContactId);

    /// <summary>
    /// Right after the GHL contact exists: the event takes the contact's lock (new, so free) and links the identities
    /// GHL kept to it, so that waiting events find it even if this one stops before its end.
    /// </summary>
    public async Task OnContactMadeAsync(EventDelivery delivery, SyncPlan plan, PlanStep step, StepResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        var contactId = result.GhlContactId ?? throw new InvalidOperationException("A contact step returned no contact id.");
        var lockKey = GhlLeaseKeys.ContactLock(contactId);
        if (!delivery.Leases.Contains(lockKey))
        {
            await _leases.TryAcquireAsync(delivery.LocationId, [lockKey], delivery.EventId, _leaseDuration, cancellationToken).ConfigureAwait(false);
            delivery.Leases.Add(lockKey);
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
        var state = new ContactSnapshot { GhlContactId = contactId, Fields = fields, LastEventId = delivery.EventId };
        await _links.RecordContactAsync(delivery.LocationId, delivery.AccountId, contactId, identity, state, delivery.EventId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the contact's links and last applied state, and the task's link, as the plan says.</summary>
    public async Task RecordLinksAsync(EventDelivery delivery, SyncPlan plan, string? contactId, string? taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        if (contactId is not null && (plan.CreatesContact || plan.ContactState is not null))
        {
            var state = plan.ContactState is { } fields
                ? new ContactSnapshot { GhlContactId = contactId, Fields = fields, LastOccurredAt = plan.ContactStateOccurredAt, FieldChanges = plan.ContactStateFieldChanges ?? new Dictionary<string, FieldChange>(StringComparer.Ordinal), LastEventId = plan.ContactStateEventId ?? NewestEventId(delivery.EventId, plan.CoalescedEventIds) }
                : null;
            await _links.RecordContactAsync(delivery.LocationId, delivery.AccountId, contactId, plan.Contact, state, delivery.EventId, cancellationToken).ConfigureAwait(false);
        }

        if (plan.RoezanTaskId is { } roezanTaskId && plan.TaskState is { } taskState && taskId is not null && contactId is not null)
        {
            var task = new TaskSnapshot { GhlTaskId = taskId, GhlContactId = contactId, Fields = taskState, LastOccurredAt = plan.TaskStateOccurredAt, LastEventId = NewestEventId(delivery.EventId, plan.CoalescedEventIds) };
            await _links.RecordTaskAsync(delivery.LocationId, delivery.AccountId, roezanTaskId, task, delivery.EventId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The last change a coalesced plan applied, by <see cref="RoezanChangeOrder"/>'s tie-break (the greatest id: the
    /// merge took the newest values): a change at the same instant that was not carried is then judged against it.
    /// </summary>
    private static string NewestEventId(string eventId, IReadOnlyList<string> coalesced) =>
        coalesced.Append(eventId).Max(StringComparer.Ordinal)!;
}
