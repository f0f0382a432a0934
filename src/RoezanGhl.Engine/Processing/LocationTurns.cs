namespace RoezanGhl.Engine.Processing;

/// <summary>The turns one location's queued events have reserved (<see cref="PermitSchedule"/>), and the calls its events cost. Not thread-safe: the schedule's lock guards it.</summary>
internal sealed class LocationTurns
{
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    public double CallsPerEvent { get; set; } = 1;

    public int Count => _turns.Count;

    /// <summary>The calls of every turn reserved.</summary>
    public double All => _turns.Values.Sum(turn => turn.Calls);

    /// <summary>The latest turn reserved, if any.</summary>
    public DateTimeOffset? Latest => _turns.Count == 0 ? null : _turns.Values.Max(turn => turn.Due);

    /// <summary>The calls of the turns due before <paramref name="due"/>.</summary>
    public double Before(DateTimeOffset due) => _turns.Values.Where(turn => turn.Due < due).Sum(turn => turn.Calls);

    /// <summary>Reserves <paramref name="eventId"/>'s turn at <paramref name="due"/> for the calls an event now costs; returns how long from <paramref name="now"/> that is.</summary>
    public TimeSpan Add(string eventId, DateTimeOffset due, DateTimeOffset now)
    {
        _turns[eventId] = new Turn(due, CallsPerEvent);
        return due > now ? due - now : TimeSpan.Zero;
    }

    /// <summary>Takes <paramref name="eventId"/>'s turn out; null when it had none.</summary>
    public Turn? Remove(string eventId) => _turns.Remove(eventId, out var turn) ? turn : null;

    /// <summary>Forgets the turns due before <paramref name="before"/>.</summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (var stale in _turns.Where(pair => pair.Value.Due < before).Select(pair => pair.Key).ToList())
        {
            _turns.Remove(stale);
        }
    }

    /// <summary>One event's turn: when its first permit is due, and the calls it was reserved for.</summary>
    internal sealed record Turn(DateTimeOffset Due, double Calls);
}
