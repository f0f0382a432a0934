namespace RoezanGhl.Core.Planning;

/// <summary>
/// Which of two Roezan changes of one record is the older: the earlier <c>occurredAt</c>, and at the same instant the
/// smaller event id (ordinal). Roezan's times carry milliseconds, so the changes of a bulk edit can share one; their
/// arrival order says nothing (webhooks are posted concurrently and the queue reorders), so without the id the change
/// processed last would win. Roezan's ids are time-ordered (<c>evt_01J…</c>), and whatever they are, every path (the
/// stale rule, coalescing, the merge) then picks the same winner in whatever order the events are processed.
/// </summary>
public static class RoezanChangeOrder
{
    private const string GhlEventIdPrefix = "ghl:";

    /// <summary>
    /// True when the change (<paramref name="at"/>, <paramref name="eventId"/>) is older than the last applied one
    /// (<paramref name="lastAt"/>, <paramref name="lastEventId"/>). A tie with a GHL change (or with no known event) is not older.
    /// </summary>
    public static bool IsOlder(DateTimeOffset? at, string? eventId, DateTimeOffset? lastAt, string? lastEventId)
    {
        if (at is not { } time || lastAt is not { } last)
        {
            return false;
        }

        return time < last
            || (time == last && eventId is not null && lastEventId is not null
                && !lastEventId.StartsWith(GhlEventIdPrefix, StringComparison.Ordinal)
                && string.CompareOrdinal(eventId, lastEventId) < 0);
    }
}
