using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Processing.RoezanToGhl;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>
/// Which queued changes <see cref="ContactUpdateCoalescer"/> may carry together: the key a change is indexed under at
/// the door (<see cref="PendingChangeRecorder"/>), the lock a survivor must hold to carry others, and which candidate it
/// may absorb.
/// </summary>
public static class CoalescingKeys
{
    private const string TaskKeyPrefix = "task:";

    /// <summary>
    /// The key of the queued changes <paramref name="evt"/> may be coalesced with, when the settings allow it for its type:
    /// its Roezan contact for a <c>contact.updated</c> (<see cref="SyncProcessingOptions.CoalesceContactUpdates"/>) or a
    /// <c>message.received</c> that names its contact (<see cref="SyncProcessingOptions.CoalesceMessages"/>) of an account
    /// whose messages go only to notes; <c>task:{id}</c> for a <c>task.updated</c> or <c>task.completed</c>
    /// (<see cref="SyncProcessingOptions.CoalesceTaskChanges"/>); else null. Messages that go into GHL's conversation are
    /// never merged: each must appear in the thread as the message it was, and an absorbed one would be marked applied
    /// without being added.
    /// </summary>
    public static string? IndexKeyOf(RoezanEvent evt, SyncProcessingOptions options, InboundMessageTarget inboundMessages = InboundMessageTarget.Note)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(options);
        return evt.Type switch
        {
            RoezanEventTypes.ContactUpdated when options.CoalesceContactUpdates => evt.Data?.Contact?.Id is { Length: > 0 } id ? id : null,
            RoezanEventTypes.MessageReceived when options.CoalesceMessages && inboundMessages == InboundMessageTarget.Note
                => evt.Data?.Message?.ContactId is { Length: > 0 } id ? id : null,
            RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted when options.CoalesceTaskChanges
                => evt.Data?.Task?.Id is { Length: > 0 } id ? TaskKeyPrefix + id : null,
            _ => null,
        };
    }

    /// <summary>
    /// The key of the queued changes <paramref name="evt"/> may carry as a survivor: <see cref="IndexKeyOf"/> for a task
    /// change or a change of a linked contact; for a contact not in GHL yet (<paramref name="linked"/> null), its
    /// <c>contact.created</c> or an update that will make it (<see cref="NewContactMerge"/>), when updates are coalesced.
    /// </summary>
    public static string? SurvivorKeyOf(RoezanEvent evt, ContactSnapshot? linked, SyncProcessingOptions options)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(options);
        if (TaskChangeMerger.IsTaskChange(evt) || linked is not null)
        {
            return IndexKeyOf(evt, options);
        }

        return options.CoalesceContactUpdates && evt.Type is RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated
            && evt.Data?.Contact?.Id is { Length: > 0 } id ? id : null;
    }

    /// <summary>
    /// The lease a survivor must hold, which every event that would write what it carries must hold to plan: the task's
    /// lock for a task change; the contact's lock for a linked contact; for a contact not in GHL yet, the creation claim
    /// of its Roezan id (once GHL has the contact the maker takes its lock before linking it: ContactLinker.OnContactMadeAsync).
    /// </summary>
    public static string LockOf(RoezanEvent evt, string key, ContactSnapshot? linked, string accountId)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (TaskChangeMerger.IsTaskChange(evt))
        {
            return GhlLeaseKeys.TaskLock(accountId, key[TaskKeyPrefix.Length..]);
        }

        return linked is not null
            ? GhlLeaseKeys.ContactLock(linked.GhlContactId)
            : GhlLeaseKeys.CreationClaim(new ContactIdentity { RoezanContactId = key }.CreationClaimKeys(accountId)[0]);
    }

    /// <summary>Whether <paramref name="survivor"/> may carry <paramref name="candidate"/> (both under the same key).</summary>
    public static bool CanAbsorb(RoezanEvent survivor, RoezanEvent candidate, ContactSnapshot? linked, PlanningProfile profile)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(profile);
        return survivor.Type switch
        {
            RoezanEventTypes.MessageReceived => MessageMerger.CanAbsorb(survivor, candidate) && !CoalescingRules.AsksForFollowUp(candidate, profile),
            RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted => TaskChangeMerger.CanAbsorb(survivor, candidate),
            _ when linked is null => NewContactMerge.CanAbsorb(survivor, candidate),
            _ => ContactChangeMerger.CanAbsorb(survivor, candidate),
        };
    }
}
