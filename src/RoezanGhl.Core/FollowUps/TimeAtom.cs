using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// One recognised piece of a time expression ("tomorrow", "at 3", "morning", "in 2 weeks") at a
/// position in the message. Adjacent atoms combine into a <see cref="TimeExpression"/>.
/// </summary>
internal sealed record TimeAtom
{
    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>The calendar day, relative to the day the message was received; null when this atom names no day.</summary>
    public Func<LocalDate, LocalDate?>? Day { get; init; }

    /// <summary>True for a bare weekday ("Friday"): a calendar date in the same expression wins over it.</summary>
    public bool IsWeekdayOnly { get; init; }

    /// <summary>"later today": resolved from the time of receipt rather than a fixed hour.</summary>
    public bool IsLaterToday { get; init; }

    /// <summary>The hour a day phrase carries by itself ("end of the month" is 17:00).</summary>
    public LocalTime? DayTime { get; init; }

    /// <summary>A clock time: hour as written (0-23) and minutes.</summary>
    public ClockTime? Clock { get; init; }

    /// <summary>"Today" is meant when the expression names no day ("by end of day").</summary>
    public bool ClockMeansToday { get; init; }

    public PartOfDay? Part { get; init; }

    /// <summary>A span from the time of receipt ("in 2 weeks", "in an hour").</summary>
    public Period? Elapsed { get; init; }

    public bool HasDay => Day is not null || Elapsed is { HasTimeComponent: false } || IsLaterToday;
}
