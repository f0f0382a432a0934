using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>A named part of the day ("morning", "tonight"), with the hour it stands for and when it is over.</summary>
internal sealed record PartOfDay(string Name, LocalTime DefaultTime, LocalTime Ends, bool IsAfterNoon)
{
    public static readonly PartOfDay Morning = new("morning", new LocalTime(9, 0), new LocalTime(12, 0), IsAfterNoon: false);
    public static readonly PartOfDay Afternoon = new("afternoon", new LocalTime(14, 0), new LocalTime(17, 0), IsAfterNoon: true);
    public static readonly PartOfDay Evening = new("evening", new LocalTime(18, 0), new LocalTime(22, 0), IsAfterNoon: true);

    // "Tonight" and "night" are one hour after "evening" so that "tomorrow evening" and "tomorrow night" differ.
    public static readonly PartOfDay Night = new("night", new LocalTime(19, 0), new LocalTime(23, 59), IsAfterNoon: true);

    /// <summary>What a bare "today" means once 09:00 has passed: any time until 20:00.</summary>
    public static readonly PartOfDay WholeDay = new("day", new LocalTime(9, 0), new LocalTime(20, 0), IsAfterNoon: false);
}
