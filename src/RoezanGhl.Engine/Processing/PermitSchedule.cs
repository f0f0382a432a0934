using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// When each queued event of a GHL location is due for its first permit, read from the location's
/// <see cref="GhlRateLimiter"/> rather than from a clock of its own: the door (<see cref="DoorPacer"/>) reserves a turn
/// for every event it paces, and admission (<see cref="LocationAdmission"/>) moves the turn of an event that woke with
/// no permit. A turn is the limiter's expected wait behind the calls of the turns reserved before it (the limiter's
/// permit log, its 429 pause and its waiters included), and never closer to the previous turn than one event's worth
/// of the limit, so a backlog is released at the limit's pace rather than a window at a time. A turn is given back
/// when its event is admitted (its calls are then the limiter's) or settled, and forgotten a few seconds after it was
/// due (its event was read by another instance, or waits behind a backlog no turn can speed up).
/// </summary>
/// <remarks>
/// Why: turns counted on a clock of their own (the door's first version) drifted from the permits the limiter really
/// grants (its window is a safety margin longer than GHL's, a permit counts until its answer arrives, a 429 pauses the
/// location, put-back copies take permits between turns), so events woke early and went back to the queue, or late and
/// left permits unused. The calls an event costs are learned from the processor's outcomes (about the last twenty
/// events of the location: a coalesced event costs none, a creation with tags two; never under half a call, so that
/// turns err early). One instance serves the process; its turns are this instance's.
/// </remarks>
public sealed class PermitSchedule : IEventOutcomeObserver
{
    // How fast the learned cost follows the outcomes: about the last twenty events of the location.
    private const double LearningRate = 0.05;
    private const double CheapestEvent = 0.5;
    private const double DearestEvent = 3;

    // Longer than the host's polling interval (2 s) and a delivery's read: a turn this far past without its event
    // admitted here belongs to an event another instance read, or one behind a backlog.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocationTurns> _locations = new(StringComparer.Ordinal);
    private readonly GhlRateLimiter _limiter;
    private readonly GhlOptions _ghl;
    private readonly RoezanOptions _accounts;
    private readonly TimeProvider _time;

    public PermitSchedule(GhlRateLimiter limiter, IOptions<GhlOptions> ghl, IOptions<RoezanOptions> accounts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ghl);
        ArgumentNullException.ThrowIfNull(accounts);
        _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        _ghl = ghl.Value;
        _accounts = accounts.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Reserves the turn of a new event of <paramref name="locationId"/> behind every turn reserved before it, and
    /// returns how long from now it is due.
    /// </summary>
    public TimeSpan ReserveAtDoor(string locationId, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var turns = Turns(locationId, now);
            turns.Remove(eventId);
            return turns.Add(eventId, Due(locationId, turns.CallsPerEvent, turns.All, turns.Latest, now), now);
        }
    }

    /// <summary>
    /// Moves the turn of an event of <paramref name="locationId"/> that was read before its permit: it keeps its place
    /// behind the turns reserved before its own (behind every one when it had none here), at the limiter's expected wait
    /// for their calls. Returns how long from now the new turn is due.
    /// </summary>
    public TimeSpan ReserveAfterWake(string locationId, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var turns = Turns(locationId, now);
            var ahead = turns.Remove(eventId) is { } own ? turns.Before(own.Due) : turns.All;
            return turns.Add(eventId, Due(locationId, turns.CallsPerEvent, ahead, after: null, now), now);
        }
    }

    /// <summary>Gives back the turn of an event that was admitted: its calls now wait in, or have gone through, the limiter.</summary>
    public void Release(string locationId, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        lock (_gate)
        {
            if (_locations.TryGetValue(locationId, out var turns))
            {
                turns.Remove(eventId);
            }
        }
    }

    /// <summary>The calls per event the turns of <paramref name="locationId"/> now assume.</summary>
    public double CallsPerEvent(string locationId)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(locationId, out var turns) ? turns.CallsPerEvent : 1;
        }
    }

    /// <summary>The turns of <paramref name="locationId"/> reserved and not yet given back or forgotten.</summary>
    public int Reserved(string locationId)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(locationId, out var turns) ? turns.Count : 0;
        }
    }

    /// <summary>
    /// Learns what a settled event bound for GHL cost its location (the calls its delivery made) and gives its turn back
    /// (an event absorbed by coalescing or done before is settled without being admitted); put-backs and retries teach nothing.
    /// </summary>
    public void OnOutcome(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsSettled
            || outcome.Direction.Target != SyncSystem.Ghl
            || !_accounts.Accounts.TryGetValue(outcome.AccountId, out var account)
            || string.IsNullOrEmpty(account.GhlLocationId))
        {
            return;
        }

        lock (_gate)
        {
            var turns = Turns(account.GhlLocationId, _time.GetUtcNow());
            turns.Remove(outcome.EventId);
            var learned = turns.CallsPerEvent + (LearningRate * (outcome.StepsRun - turns.CallsPerEvent));
            turns.CallsPerEvent = Math.Clamp(learned, CheapestEvent, DearestEvent);
        }
    }

    // The limiter's expected wait behind the calls ahead and, after a turn, at least one event's worth of the limit
    // later: the limiter's estimate takes the permits it could grant at once as granted now, a window's worth at a time.
    private DateTimeOffset Due(string locationId, double callsPerEvent, double callsAhead, DateTimeOffset? after, DateTimeOffset now)
    {
        var byLimiter = now + _limiter.ExpectedWait(locationId, (int)Math.Ceiling(callsAhead));
        var perEvent = TimeSpan.FromTicks((long)(_ghl.RateLimitInterval.Ticks * callsPerEvent / Math.Max(1, _ghl.RateLimitMaxRequests)));
        var spaced = after is { } previous ? previous + perEvent : now;
        return byLimiter > spaced ? byLimiter : spaced;
    }

    // Under _gate.
    private LocationTurns Turns(string locationId, DateTimeOffset now)
    {
        if (!_locations.TryGetValue(locationId, out var turns))
        {
            turns = new LocationTurns();
            _locations[locationId] = turns;
        }

        turns.Forget(now - ForgetAfter);
        return turns;
    }
}
