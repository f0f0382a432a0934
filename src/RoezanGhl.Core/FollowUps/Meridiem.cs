namespace RoezanGhl.Core.FollowUps;

/// <summary>Which half of the day a written hour is in.</summary>
internal enum Meridiem
{
    /// <summary>Not said ("at 3"): inferred from the part of day, else 1-7 is pm and 8-11 am.</summary>
    Unknown,
    Am,
    Pm,

    /// <summary>An hour from 13 to 23, or with minutes and a leading zero ("15:00", "09:30").</summary>
    TwentyFourHour,
}
