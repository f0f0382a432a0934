using Microsoft.Extensions.Options;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// Plans a Roezan event against what the links table knows, under the leases its plan needs (<see cref="GhlLeaseKeys"/>),
/// or takes back the leases of the plan an earlier attempt stored.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Two events for one new contact: both must hold the creation claims of the contact's phone, email and Roezan
/// id; the loser goes back on the queue for a few seconds and then finds the link the winner wrote.</item>
/// <item>Order: events that write a contact's values hold that contact's lease, plan against the state read under it,
/// and skip as stale any change older than the last one applied (<see cref="SyncPlanner"/>).</item>
/// <item>Coalescing: under the contact's lease, the other queued changes of the contact are merged into the input
/// (<see cref="ContactUpdateCoalescer"/>); the plan names them, and applying it finishes them.</item>
/// </list>
/// </remarks>
public sealed class LeasedPlanner
{
    private const int MaxPlanningRounds = 3;

    private readonly ContactLinkStore _links;
    private readonly LeaseStore _leases;
    private readonly IPlanningProfileSource _profiles;
    private readonly RoezanEchoGuard _echoes;
    private readonly ContactUpdateCoalescer _coalescer;
    private readonly TimeSpan _leaseDuration;

    public LeasedPlanner(ContactLinkStore links, LeaseStore leases, IPlanningProfileSource profiles, RoezanEchoGuard echoes, ContactUpdateCoalescer coalescer, IOptions<SyncProcessingOptions> options)
    {
        _coalescer = coalescer ?? throw new ArgumentNullException(nameof(coalescer));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        ArgumentNullException.ThrowIfNull(options);
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _leaseDuration = options.Value.LeaseDuration;
    }

    /// <summary>The plan the delivery applies, with its leases held, or the lease that blocks it.</summary>
    public async Task<LeasedPlan> PlanAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var activity = EventTracing.StartPlan(delivery.EventId);
        var entry = delivery.Entry ?? throw new InvalidOperationException($"The ledger entry of event {delivery.EventId} was not read.");
        if (entry.Plan is not { } stored)
        {
            return await PlanUnderLeasesAsync(delivery, cancellationToken).ConfigureAwait(false);
        }

        // Resuming a stored plan: take its leases back (they are ours; re-entrant).
        if (entry.Leases.Count == 0)
        {
            return LeasedPlan.Holding(stored, []);
        }

        var acquired = await _leases.TryAcquireAsync(delivery.LocationId, entry.Leases, delivery.EventId, _leaseDuration, cancellationToken).ConfigureAwait(false);
        return acquired.Acquired ? LeasedPlan.Holding(stored, entry.Leases) : LeasedPlan.BlockedBy(acquired);
    }

    /// <summary>
    /// Plans against the links, takes the leases the plan needs, then plans again against what the links say now
    /// that no other event can change them: the plan that runs is made under its leases.
    /// </summary>
    /// <remarks>
    /// The first plan only chooses the leases, and the leases depend on which contact and task are linked, not on the
    /// contact's recorded values: it is made without reading the contact's state row (which the plan under the leases
    /// reads anyway). A plan that needs no lease is the one that runs, so it is made again from the full snapshot; if
    /// that one needs leases after all, they are taken as for any other. Either way the plan that runs was made from a
    /// state read once, under its leases when it has any.
    /// </remarks>
    private async Task<LeasedPlan> PlanUnderLeasesAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        var account = delivery.Account ?? throw new InvalidOperationException($"Event {delivery.EventId} has no configured account.");
        var profile = await _profiles.GetProfileAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false);
        var subject = SyncPlanner.SubjectOf(delivery.Queued.Event);
        for (var round = 0; round < MaxPlanningRounds; round++)
        {
            var snapshot = await _links.ReadSnapshotAsync(delivery.LocationId, delivery.AccountId, subject, includeContactState: false, cancellationToken).ConfigureAwait(false);
            var plan = SyncPlanner.Plan(delivery.Queued, account, profile, snapshot);
            var keys = _coalescer.WithCoalescingLease(plan, GhlLeaseKeys.For(plan, delivery.AccountId));
            if (keys.Count == 0 && snapshot.Contact is not null)
            {
                snapshot = await _links.ReadSnapshotAsync(delivery.LocationId, delivery.AccountId, subject, cancellationToken).ConfigureAwait(false);
                plan = SyncPlanner.Plan(delivery.Queued, account, profile, snapshot);
                keys = _coalescer.WithCoalescingLease(plan, GhlLeaseKeys.For(plan, delivery.AccountId));
            }

            if (keys.Count == 0)
            {
                return LeasedPlan.Holding(plan, []);
            }

            var acquired = await _leases.TryAcquireAsync(delivery.LocationId, keys, delivery.EventId, _leaseDuration, cancellationToken).ConfigureAwait(false);
            if (!acquired.Acquired)
            {
                return LeasedPlan.BlockedBy(acquired);
            }

            snapshot = await _links.ReadSnapshotAsync(delivery.LocationId, delivery.AccountId, subject, cancellationToken).ConfigureAwait(false);

            // Under the contact's lock the other queued changes of the contact ride along (ContactUpdateCoalescer says why that is safe).
            var input = await _coalescer.GatherAsync(delivery, profile, snapshot, keys, cancellationToken).ConfigureAwait(false);
            var final = SyncPlanner.Plan(input.Queued, account, profile, snapshot);
            final = final.Disposition == PlanDisposition.Apply ? final with { CoalescedEventIds = input.Absorbed } : final;
            if (GhlLeaseKeys.For(final, delivery.AccountId).All(keys.Contains))
            {
                // Under the contact's lease: an echo of our own write to Roezan is skipped, and a write to GHL leaves
                // its fingerprint before it is made (two-way echo suppression). The guard judges what was planned (the
                // coalesced contact), never the delivery's own event alone.
                return LeasedPlan.Holding(await _echoes.GuardAsync(delivery, input.Queued.Event, final, snapshot.Contact, cancellationToken).ConfigureAwait(false), keys);
            }

            // The contact got linked (or unlinked) while we waited for the leases: start over with the right ones.
            await _leases.ReleaseAsync(delivery.LocationId, keys, delivery.EventId, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The links of event {delivery.EventId} kept changing while it planned.");
    }
}
