namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Adjacent atoms read together ("next Friday" + "morning" + "at 10") with at most one of each kind:
/// a day, a clock time, a part of day, a span.
/// </summary>
internal sealed class TimeExpression
{
    private TimeExpression(TimeAtom first)
    {
        Start = first.Start;
        End = first.End;
        Add(first);
    }

    public int Start { get; }

    public int End { get; private set; }

    public TimeAtom? Day { get; private set; }

    public TimeAtom? Clock { get; private set; }

    public TimeAtom? Part { get; private set; }

    public TimeAtom? Elapsed { get; private set; }

    public static TimeExpression StartWith(TimeAtom atom) => new(atom);

    /// <summary>Takes the atom in when it names nothing this expression already names.</summary>
    public bool TryAdd(TimeAtom atom)
    {
        var dayClash = atom.HasDay && HasDay;
        if (dayClash && !(Day is not null && atom.Day is not null && Day.IsWeekdayOnly != atom.IsWeekdayOnly))
        {
            return false;
        }

        if ((atom.Clock is not null && Clock is not null) || (atom.Part is not null && Part is not null) || (atom.Elapsed is not null && Elapsed is not null))
        {
            return false;
        }

        Add(atom);
        End = Math.Max(End, atom.End);
        return true;
    }

    private bool HasDay => Day is not null || Elapsed is not null;

    private void Add(TimeAtom atom)
    {
        if (atom.Day is not null || atom.IsLaterToday)
        {
            // "Friday, Dec 5": the calendar date wins over the weekday.
            if (Day is null || Day.IsWeekdayOnly)
            {
                Day = atom;
            }
        }

        if (atom.Clock is not null)
        {
            Clock = atom;
        }

        if (atom.Part is not null)
        {
            Part = atom;
        }

        if (atom.Elapsed is not null)
        {
            Elapsed = atom;
        }
    }
}
