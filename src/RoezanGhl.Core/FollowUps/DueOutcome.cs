namespace RoezanGhl.Core.FollowUps;

internal enum DueOutcome
{
    /// <summary>A moment after the message was received.</summary>
    Resolved,

    /// <summary>Already past ("yesterday", "today at 9am" sent at 10am) or unreasonably far ahead.</summary>
    NotAhead,

    /// <summary>Names no real moment ("Feb 30", "in 2 hours on Friday").</summary>
    Unresolvable,
}
