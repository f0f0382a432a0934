using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>What a time expression comes to at the moment a message was received.</summary>
internal readonly record struct DueResolution(DueOutcome Outcome, ZonedDateTime Due)
{
    public static DueResolution NotAhead { get; } = new(DueOutcome.NotAhead, default);

    public static DueResolution Unresolvable { get; } = new(DueOutcome.Unresolvable, default);
}
