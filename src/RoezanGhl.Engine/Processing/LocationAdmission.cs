using System.Globalization;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Sync;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Decides, before an applier runs, whether a delivery bound for GHL is worked on now or goes back to the queue, so
/// that a spent location does not hold the processing slots another location could use. Two rules, per location:
/// <list type="number">
/// <item>Permit soon: while another location is busy and has budget, and <see cref="GhlRateLimiter.ExpectedWait"/> is
/// over <see cref="LocationAdmissionOptions.MaxWait"/>,
/// the delivery is put back (a copy re-queued, invisible until about when its permit is due; its dequeue count starts
/// again, the ledger untouched) instead of holding a slot while it waits.</item>
/// <item>Share: while other locations are busy and have budget, a location holds at most
/// <see cref="LocationAdmissionOptions.ProcessingSlots"/> divided by the busy locations (at least one); over it, the
/// delivery is put back for <see cref="LocationAdmissionOptions.MaxWait"/>. Alone, a location may use every slot.</item>
/// </list>
/// A location alone waits for its permits in its slots, as before admission: no other location could use the slots,
/// and a trip through the queue loses permits (the one-location burst reached 0.879 of its window with put-backs
/// and 0.979 without, bench/results.md).
/// One instance serves the process (a singleton); its counts are this instance's only, as the slots are.
/// </summary>
public sealed class LocationAdmission
{
    // A location whose deliveries arrived this recently is taken as having more queued: longer than the host's
    // maxPollingInterval (2 s), so it stays busy between polls of an otherwise quiet queue.
    private static readonly TimeSpan BusyFor = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocationSlots> _locations = new(StringComparer.Ordinal);
    private readonly GhlRateLimiter _limiter;
    private readonly LocationAdmissionOptions _options;
    private readonly TimeProvider _time;

    public LocationAdmission(GhlRateLimiter limiter, IOptions<LocationAdmissionOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Admits <paramref name="delivery"/> (dispose the ticket when its work is done) or says how it is put back.</summary>
    public AdmissionTicket Admit(EventDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);

        // Only GHL's limits are known here. Events bound for Roezan are not admitted: Roezan's client keeps its own
        // limits, and its deliveries do not wait on a GHL location's permits.
        if (delivery.Direction.Target != SyncSystem.Ghl || delivery.Account is null)
        {
            return AdmissionTicket.Unlimited;
        }

        var locationId = delivery.LocationId;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var slots = Slots(locationId);
            slots.SeenAt = now;
            slots.ForgetDue(now);
            var busy = BusyLocations(locationId, now);
            var wait = _limiter.ExpectedWait(locationId);
            if (busy > 1 && wait > _options.MaxWait)
            {
                wait = BehindEarlierCopies(locationId, slots, wait, now);
                var delay = Early(wait);
                slots.PutBackDue.Add(now + delay);
                var reason = string.Create(CultureInfo.InvariantCulture, $"GHL location {locationId} has no permit for {wait.TotalSeconds:0.0} s; back on the queue");
                return AdmissionTicket.Refused(EventVerdict.PutBack(delay, reason));
            }

            var share = Math.Max(1, _options.ProcessingSlots / busy);
            if (slots.InFlight >= share)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"GHL location {locationId} holds its share of {share} processing slots; back on the queue");
                return AdmissionTicket.Refused(EventVerdict.PutBack(_options.MaxWait, reason));
            }

            slots.InFlight++;
            return AdmissionTicket.Admitted(() => Release(slots));
        }
    }

    /// <summary>The processing slots <paramref name="locationId"/> may hold now: all of them unless others are busy and have budget.</summary>
    public int ShareFor(string locationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        lock (_gate)
        {
            return ShareFor(locationId, _time.GetUtcNow());
        }
    }

    // Under _gate.
    private int ShareFor(string locationId, DateTimeOffset now) => Math.Max(1, _options.ProcessingSlots / BusyLocations(locationId, now));

    // Under _gate: this location and every other one that is busy and has budget.
    private int BusyLocations(string locationId, DateTimeOffset now)
    {
        var busy = 1;
        foreach (var (other, slots) in _locations)
        {
            if (other != locationId
                && (slots.InFlight > 0 || now - slots.SeenAt <= BusyFor)
                && _limiter.ExpectedWait(other) <= _options.MaxWait)
            {
                busy++;
            }
        }

        return busy;
    }

    // Under _gate. The copies already put back that are due before this one's permit take the permits before it, so
    // that copies come back spread over the windows to come; copies due after it do not (counting them would send a
    // copy that came back early behind every later one). The copies ahead only grow from round to round, and never
    // beyond those put back, so this settles; stopping it early would bunch the copies of a long backlog together.
    private TimeSpan BehindEarlierCopies(string locationId, LocationSlots slots, TimeSpan wait, DateTimeOffset now)
    {
        var ahead = 0;
        while (true)
        {
            var dueBy = now + wait;
            var before = slots.PutBackDue.Count(due => due <= dueBy);
            if (before == ahead)
            {
                return wait;
            }

            ahead = before;
            wait = _limiter.ExpectedWait(locationId, ahead);
        }
    }

    // Due between MaxWait and half of it before the permit, spread at random: a copy that came back late would leave
    // its permit unused (reading and admitting it takes a moment), and one that comes back early is admitted and
    // waits in the limiter for at most MaxWait.
    private TimeSpan Early(TimeSpan wait)
    {
        var early = TimeSpan.FromTicks((long)((0.5 + (Random.Shared.NextDouble() / 2)) * _options.MaxWait.Ticks));
        var delay = wait - early;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    // Under _gate.
    private LocationSlots Slots(string locationId)
    {
        if (!_locations.TryGetValue(locationId, out var slots))
        {
            slots = new LocationSlots();
            _locations[locationId] = slots;
        }

        return slots;
    }

    private void Release(LocationSlots slots)
    {
        lock (_gate)
        {
            slots.InFlight--;
        }
    }

    private sealed class LocationSlots
    {
        public int InFlight { get; set; }

        public DateTimeOffset SeenAt { get; set; }

        /// <summary>When each copy put back for want of a permit is due again.</summary>
        public List<DateTimeOffset> PutBackDue { get; } = [];

        public void ForgetDue(DateTimeOffset now) => PutBackDue.RemoveAll(due => due <= now);
    }
}
