using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Processing.RoezanToGhl;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>
/// Coalesces the queued <c>contact.updated</c> of one linked contact: the first of them to be planned carries the values
/// of the others (<see cref="GatherAsync"/>, <see cref="ContactChangeMerger"/>), so that they cost one PUT and one tags
/// POST (and, when the account allows it, consecutive <c>message.received</c> of one contact become one note,
/// <see cref="MessageMerger"/>; the queued <c>task.updated</c> and <c>task.completed</c> of one task become one PUT,
/// <see cref="TaskChangeMerger"/>; the keys and locks: <see cref="CoalescingKeys"/>); once its plan is applied, each of the others is recorded as final, "coalesced into" it
/// (<see cref="FinishAbsorbedAsync"/>), and its own delivery then ends in the <see cref="DeliveryGate"/> without a call.
/// </summary>
/// <remarks>
/// <para>Why this is safe under concurrency: <see cref="GatherAsync"/> runs only while the delivery holds the contact's
/// lock (<see cref="GhlLeaseKeys.ContactLock"/>), which every event that writes the contact's values must hold to plan.
/// So no absorbed event can plan, let alone write, until the survivor's plan is applied and its absorbed rows are
/// final: the survivor marks them before the <see cref="EventFinisher"/> releases the lock. An event is absorbed only
/// while its ledger row is Queued or Waiting with no plan stored and no run holding it; every mark is conditional on the
/// row's ETag, and a row that became final or got a plan meanwhile (the lock ran out) is left as its own run made it.
/// A change older than the contact's last applied one is never absorbed: it goes the stale way, alone.</para>
/// <para>A contact not in GHL yet: its <c>contact.created</c> (or an update that finds no link) carries the queued updates
/// of the same Roezan contact that name no other phone or email (<see cref="NewContactMerge"/>), so the contact is made
/// once with the newest values and every tag. The lock is then the creation claim of the contact's Roezan id, which any
/// event that would make the contact must hold; once GHL has the contact, the maker takes the contact's lock before it
/// links it (<see cref="ContactLinker.OnContactMadeAsync"/>), so an absorbed update still cannot plan until it is marked.</para>
/// <para>Why this is safe under crashes: the absorbed ids travel in the plan (<see cref="SyncPlan.CoalescedEventIds"/>),
/// which is stored on the survivor's ledger row before its first call. A crash between its calls and the marks is
/// resumed by the survivor's re-delivery, which repeats at most its last call (a PUT of the same values, a tags POST:
/// idempotent in GHL) and then marks. If the lock runs out first, an absorbed event's own delivery plans alone against
/// the recorded state and writes the same values again: the same values, never older ones.</para>
/// <para>Storage cost: the door writes one index row per <c>contact.updated</c>; the survivor makes one range query of
/// the index, one ledger read per candidate, one ledger write per absorbed event and one batch delete of the index rows.</para>
/// </remarks>
public sealed class ContactUpdateCoalescer
{
    /// <summary>At most this many changes ride on one event (the rest are carried by a later one).</summary>
    public const int MaxAbsorbed = 50;

    private const int MaxMarkRounds = 3;

    private readonly PendingChangeIndex _index;
    private readonly EchoHistoryStore _echoes;
    private readonly EventLedger _ledger;
    private readonly SyncProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ContactUpdateCoalescer(PendingChangeIndex index, EchoHistoryStore echoes, EventLedger ledger, IOptions<SyncProcessingOptions> options, TimeProvider time, ILogger<ContactUpdateCoalescer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The input to plan: the delivery's event merged with the other queued changes of its contact that it may carry, or
    /// the event alone. <paramref name="heldLeases"/> are the leases the delivery holds; <paramref name="snapshot"/> was read under them.
    /// </summary>
    public async Task<CoalescedInput> GatherAsync(EventDelivery delivery, PlanningProfile profile, SyncSnapshot snapshot, IReadOnlyCollection<string> heldLeases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(heldLeases);
        var evt = delivery.Queued.Event;
        var linked = snapshot.Contact;
        var isTaskChange = TaskChangeMerger.IsTaskChange(evt);
        if (CoalescingKeys.SurvivorKeyOf(evt, linked, _options) is not { } key
            || !heldLeases.Contains(CoalescingKeys.LockOf(evt, key, linked, delivery.AccountId))
            || CoalescingRules.AsksForFollowUp(evt, profile))
        {
            return CoalescedInput.Alone(delivery.Queued);
        }

        var isContactChange = evt.Type is RoezanEventTypes.ContactUpdated or RoezanEventTypes.ContactCreated;
        var last = isTaskChange ? snapshot.Task?.LastOccurredAt : isContactChange ? linked?.LastOccurredAt : null;
        // Changes at the same instant as the last applied one are ordered by event id, as the planner orders them.
        var lastEventId = isTaskChange ? snapshot.Task?.LastEventId : isContactChange ? linked?.LastEventId : null;
        if (RoezanChangeOrder.IsOlder(evt.OccurredAt, evt.Id, last, lastEventId))
        {
            // A stale survivor only fills gaps (the planner's stale rule); it carries nobody.
            return CoalescedInput.Alone(delivery.Queued);
        }

        var pending = await _index.ListAsync(delivery.LocationId, delivery.AccountId, key, MaxAbsorbed + 1, cancellationToken).ConfigureAwait(false);
        // Only changes made between the same two of our writes to Roezan ride together: one made after a write carries
        // the values it wrote (an older GHL change, perhaps), which would win over a newer Roezan change made before it,
        // "newest value per field" judging by the event's time, not by when the value was set. Apart, each is judged
        // by the two-way checks (OverwrittenValues, RoezanChangeConflicts).
        var history = isContactChange && linked is not null ? await _echoes.ReadAsync(delivery.LocationId, linked.GhlContactId, cancellationToken).ConfigureAwait(false) : EchoHistory.Empty;
        List<DateTimeOffset> writes = [.. history.Entries.Where(entry => entry.Target == SyncSystem.Roezan).Select(entry => entry.WrittenAt)];
        var epoch = CoalescingRules.Epoch(evt.OccurredAt, writes);
        var absorbed = new List<ContactChange>();
        var finished = new List<string>();
        var now = _time.GetUtcNow();
        var mapping = ContactFieldReverseMapper.MappingOf(profile.FieldMapping);
        foreach (var change in pending)
        {
            if (absorbed.Count == MaxAbsorbed)
            {
                break;
            }

            if (change.EventId == delivery.EventId || CoalescingRules.Parse(change.Payload) is not { } candidate
                || !CoalescingKeys.CanAbsorb(evt, candidate, linked, profile)
                || RoezanChangeOrder.IsOlder(candidate.OccurredAt, candidate.Id, last, lastEventId)
                || CoalescingRules.Epoch(candidate.OccurredAt, writes) != epoch
                // Roezan's webhook about our own write carries no change: merged, the value we wrote (an older GHL change)
                // would take the echo's newer time and undo a newer Roezan change the write overwrote. Alone it is an echo.
                || (candidate.Data?.Contact is { } held && history.Wrote(SyncSystem.Roezan, ContactFingerprint.Of(RoezanContactWrites.AsGhlSees(held, mapping)), now)))
            {
                continue;
            }

            var entry = await _ledger.GetAsync(delivery.AccountId, change.EventId, cancellationToken).ConfigureAwait(false);
            if (entry is { IsFinal: true })
            {
                finished.Add(change.EventId);
            }
            else if (entry is { Status: EventLedgerStatus.Queued or EventLedgerStatus.Waiting, Plan: null, Progress.Steps.Count: 0 }
                && !entry.IsHeldByAnotherRun(delivery.Claim, now, _options.LeaseDuration))
            {
                absorbed.Add(new ContactChange(candidate, change.AcceptedAt));
            }
        }

        await ForgetAsync(delivery, key, finished, cancellationToken).ConfigureAwait(false);
        if (absorbed.Count == 0)
        {
            return CoalescedInput.Alone(delivery.Queued);
        }

        var survivor = new ContactChange(evt, delivery.Queued.AcceptedAt);
        var merged = isTaskChange ? TaskChangeMerger.Merge(survivor, absorbed)
            : isContactChange ? ContactChangeMerger.Merge(survivor, absorbed, CoalescingRules.TagsAreWholeSet(profile))
            : MessageMerger.Merge(survivor, absorbed);
        if (CoalescingRules.AsksForFollowUp(merged, profile))
        {
            return CoalescedInput.Alone(delivery.Queued);
        }

        var ids = absorbed.Select(change => change.Event.Id!).ToList();
        var named = string.Join(", ", ids);
        CoalescingLog.Coalesced(_logger, delivery.EventId, delivery.AccountId, delivery.LocationId, ids.Count, named);
        var queued = new QueuedRoezanEvent
        {
            AccountId = delivery.Queued.AccountId,
            AcceptedAt = delivery.Queued.AcceptedAt,
            Event = merged,
            Source = delivery.Queued.Source,
            Target = delivery.Queued.Target,
        };
        return new CoalescedInput(queued, ids);
    }

    /// <summary>
    /// After <paramref name="plan"/> is applied to GHL contact <paramref name="ghlContactId"/>: records each coalesced event
    /// as final ("coalesced into" the survivor) and drops the contact's index rows of them and of the survivor.
    /// </summary>
    public async Task FinishAbsorbedAsync(EventDelivery delivery, SyncPlan plan, string? ghlContactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var absorbedId in plan.CoalescedEventIds)
        {
            if (!await TryMarkAsync(delivery, absorbedId, ghlContactId, cancellationToken).ConfigureAwait(false))
            {
                CoalescingLog.AbsorbedNotRecorded(_logger, absorbedId, delivery.EventId);
            }
        }

        var evt = delivery.Queued.Event;
        if (CoalescingKeys.IndexKeyOf(evt, _options) is { } key)
        {
            await ForgetAsync(delivery, key, [delivery.EventId, .. plan.CoalescedEventIds], cancellationToken).ConfigureAwait(false);
        }
        else if (plan.CoalescedEventIds.Count > 0 && evt.Data?.Contact?.Id is { Length: > 0 } madeContactId)
        {
            // A contact.created that carried the contact's updates: only they are in the index.
            await ForgetAsync(delivery, madeContactId, plan.CoalescedEventIds, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The leases <paramref name="plan"/> needs, plus the contact's lock for a message of a linked contact when messages
    /// are coalesced: a note-only plan takes no lease, so without it a message could be applied alone while another
    /// message's note already carries its text.
    /// </summary>
    public List<string> WithCoalescingLease(SyncPlan plan, List<string> keys)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(keys);
        if (_options.CoalesceMessages && plan.EventType == RoezanEventTypes.MessageReceived && plan.GhlContactId is { } contactId
            && plan.Disposition == PlanDisposition.Apply && !keys.Contains(GhlLeaseKeys.ContactLock(contactId)))
        {
            keys.Add(GhlLeaseKeys.ContactLock(contactId));
        }

        return keys;
    }

    private async Task<bool> TryMarkAsync(EventDelivery delivery, string absorbedId, string? ghlContactId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxMarkRounds; round++)
        {
            var entry = await _ledger.GetAsync(delivery.AccountId, absorbedId, cancellationToken).ConfigureAwait(false);
            if (entry is null || entry.IsFinal || entry.Plan is not null)
            {
                // Gone, finished by its own run, or running alone after our lock ran out: its own run decides.
                return true;
            }

            try
            {
                var now = _time.GetUtcNow();
                await _ledger.SaveAsync(entry with
                {
                    Status = EventLedgerStatus.Applied,
                    Outcome = $"coalesced into {delivery.EventId}: its values were applied by that event's calls",
                    LastError = null,
                    TargetContactId = ghlContactId ?? entry.TargetContactId,
                    ClaimedBy = null,
                    ClaimedAt = null,
                    Leases = [],
                    CleanStop = true,
                }, now, cancellationToken).ConfigureAwait(false);
                CoalescingLog.Absorbed(_logger, absorbedId, delivery.EventId);
                return true;
            }
            catch (RequestFailedException exception) when (EventLedger.IsConcurrencyConflict(exception))
            {
                // Its own delivery wrote the row meanwhile (a put-back while we held the lock): read it again.
            }
        }

        return false;
    }

    private async Task ForgetAsync(EventDelivery delivery, string key, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        try
        {
            await _index.ForgetAsync(delivery.LocationId, delivery.AccountId, key, eventIds, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // A row left behind is dropped the next time the contact's changes are listed (its event is final).
        }
    }
}
