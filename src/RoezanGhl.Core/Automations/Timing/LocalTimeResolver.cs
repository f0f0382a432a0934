using NodaTime;
using NodaTime.TimeZones;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// Turns a wall-clock time in the account's zone into a moment, the way people expect on DST days: a time that
/// does not exist (spring forward) moves to the first minute after the gap; a time that happens twice (fall back)
/// is the earlier one, unless that one is already before <c>notBefore</c>, then the later.
/// </summary>
internal static class LocalTimeResolver
{
    private static readonly ZoneLocalMappingResolver EarlierOrAfterGap =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver LaterOrAfterGap =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    public static Instant Resolve(LocalDateTime local, DateTimeZone zone, Instant? notBefore = null)
    {
        var earlier = zone.ResolveLocal(local, EarlierOrAfterGap).ToInstant();
        return notBefore is { } floor && earlier < floor ? zone.ResolveLocal(local, LaterOrAfterGap).ToInstant() : earlier;
    }
}
