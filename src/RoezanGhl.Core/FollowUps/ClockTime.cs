namespace RoezanGhl.Core.FollowUps;

/// <summary>A time as written: the hour, the minutes, and whether am/pm (or a 24-hour hour) settles which half of the day.</summary>
internal readonly record struct ClockTime(int Hour, int Minute, Meridiem Meridiem);
