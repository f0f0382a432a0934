using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Paces a location's events at the door: an event that GHL's limit cannot serve before the location's earlier
/// events is queued invisible until shortly before its turn, instead of visible at once. Without it, a location
/// bursting at several times its limit fills the one events queue with messages that are only read to be put back
/// (<see cref="LocationAdmission"/>), and a quiet location's event waits behind all of them (five locations at 3×:
/// 14.5 s p99, bench/results.md). With it, the visible queue holds about <see cref="LocationAdmissionOptions.DoorLead"/>
/// of each busy location's work, so a quiet location's event is read within moments.
/// </summary>
/// <remarks>
/// Each location has a turn: the time its next event can be served if its earlier ones take GHL's permits at
/// <see cref="GhlOptions.RateLimitMaxRequests"/> per <see cref="GhlOptions.RateLimitInterval"/>, at the calls per
/// event the location's recent events cost (<see cref="OnOutcome"/>, from the processor's outcomes: a coalesced event
/// costs nothing, a contact update with tags two). An event due more than the lead ahead is delayed to its turn less
/// the lead. The pace errs fast (an event costs at least half a call, a new location one): an event visible early is
/// put back or waits briefly in the limiter, as before pacing; one held back too long would leave a permit unused.
/// The turns are this instance's (its door's events); with several instances each paces what it accepted, so events
/// are visible early rather than late. Only events bound for GHL are paced.
/// </remarks>
public sealed class DoorPacer : IEventOutcomeObserver
{
    // How fast the learned cost follows the outcomes: about the last twenty events of the location.
    private const double LearningRate = 0.05;
    private const double CheapestEvent = 0.5;
    private const double DearestEvent = 3;
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocationTurn> _turns = new(StringComparer.Ordinal);
    private readonly GhlOptions _ghl;
    private readonly LocationAdmissionOptions _options;
    private readonly RoezanOptions _accounts;
    private readonly TimeProvider _time;

    public DoorPacer(IOptions<GhlOptions> ghl, IOptions<LocationAdmissionOptions> options, IOptions<RoezanOptions> accounts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ghl);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accounts);
        _ghl = ghl.Value;
        _options = options.Value;
        _accounts = accounts.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// How long an event of <paramref name="accountId"/> going in <paramref name="direction"/> stays invisible on the
    /// queue: zero unless pacing is on, it is bound for a configured account's GHL location, and that location's turn
    /// is more than the lead away. Takes the event's turn.
    /// </summary>
    public TimeSpan DelayFor(string accountId, SyncDirection direction)
    {
        if (!_options.PaceAtDoor
            || direction.Target != SyncSystem.Ghl
            || !_accounts.Accounts.TryGetValue(accountId, out var account)
            || string.IsNullOrEmpty(account.GhlLocationId))
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var turn = Turn(account.GhlLocationId);
            var due = turn.Next > now ? turn.Next : now;
            turn.Next = due + PerEvent(turn.CallsPerEvent);
            var delay = due - now - _options.DoorLead;
            return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay < LongestDelay ? delay : LongestDelay;
        }
    }

    /// <summary>
    /// Learns what <paramref name="outcome"/>'s event cost its location (the GHL calls its delivery made), when it
    /// is done with and was bound for GHL: a put-back or a retry teaches nothing yet.
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
            var turn = Turn(account.GhlLocationId);
            var learned = turn.CallsPerEvent + (LearningRate * (outcome.StepsRun - turn.CallsPerEvent));
            turn.CallsPerEvent = Math.Clamp(learned, CheapestEvent, DearestEvent);
        }
    }

    /// <summary>The calls per event the pace of <paramref name="locationId"/> now assumes.</summary>
    public double CallsPerEvent(string locationId)
    {
        lock (_gate)
        {
            return _turns.TryGetValue(locationId, out var turn) ? turn.CallsPerEvent : 1;
        }
    }

    private TimeSpan PerEvent(double callsPerEvent) =>
        TimeSpan.FromTicks((long)(_ghl.RateLimitInterval.Ticks * callsPerEvent / Math.Max(1, _ghl.RateLimitMaxRequests)));

    // Under _gate.
    private LocationTurn Turn(string locationId)
    {
        if (!_turns.TryGetValue(locationId, out var turn))
        {
            turn = new LocationTurn();
            _turns[locationId] = turn;
        }

        return turn;
    }

    private sealed class LocationTurn
    {
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;

        public double CallsPerEvent { get; set; } = 1;
    }
}
