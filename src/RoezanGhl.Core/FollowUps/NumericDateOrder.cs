namespace RoezanGhl.Core.FollowUps;

/// <summary>How to read an all-digit date such as "12/5".</summary>
public enum NumericDateOrder
{
    /// <summary>Month first, as in the US: "12/5" is December 5.</summary>
    MonthFirst,

    /// <summary>Day first, as in most other regions: "12/5" is 12 May.</summary>
    DayFirst,
}
