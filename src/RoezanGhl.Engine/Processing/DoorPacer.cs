using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;

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
/// The turn is reserved in the location's <see cref="PermitSchedule"/>, read from the GHL rate limiter's own permit log
/// behind the turns already reserved, so the door's turns are the permits the limiter will grant, not a clock of the
/// door's own. Only events bound for a configured account's GHL location are paced.
/// </remarks>
public sealed class DoorPacer
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);

    private readonly PermitSchedule _schedule;
    private readonly LocationAdmissionOptions _options;
    private readonly RoezanOptions _accounts;

    public DoorPacer(PermitSchedule schedule, IOptions<LocationAdmissionOptions> options, IOptions<RoezanOptions> accounts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accounts);
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _options = options.Value;
        _accounts = accounts.Value;
    }

    /// <summary>
    /// How long event <paramref name="eventId"/> of <paramref name="accountId"/> going in <paramref name="direction"/>
    /// stays invisible on the queue: zero unless pacing is on, it is bound for a configured account's GHL location, and
    /// its turn is more than the lead away. Reserves the event's turn.
    /// </summary>
    public TimeSpan DelayFor(string eventId, string accountId, SyncDirection direction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        if (!_options.PaceAtDoor
            || direction.Target != SyncSystem.Ghl
            || !_accounts.Accounts.TryGetValue(accountId, out var account)
            || string.IsNullOrEmpty(account.GhlLocationId))
        {
            return TimeSpan.Zero;
        }

        var delay = _schedule.ReserveAtDoor(account.GhlLocationId, eventId) - _options.DoorLead;
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay < LongestDelay ? delay : LongestDelay;
    }
}
