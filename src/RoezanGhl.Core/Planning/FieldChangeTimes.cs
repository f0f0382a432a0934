using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Per-field change times of a linked contact's names and email (the fields both directions carry). Pure.
/// </summary>
/// <remarks>
/// Why per field: one change time per contact judges every field of an event by the newest change of ANY field, so an
/// older change of one field was skipped as stale because another field changed later, and a newer event (or a coalesced
/// one) carrying an old value of a field another system changed in between overwrote that field. Each field is judged by
/// its own last change instead; a link row recorded before per-field times falls back to the contact's time
/// (<see cref="ContactSnapshot.ChangedAt"/>).
/// </remarks>
public static class FieldChangeTimes
{
    /// <summary>The fields judged per field: names and email.</summary>
    public static IReadOnlyList<string> Judged { get; } = ["firstName", "lastName", "email"];

    /// <summary>
    /// The judged fields <paramref name="incoming"/> carries whose own time is older than that field's last recorded change
    /// (or, with <paramref name="tieIsOlder"/>, the same: a change ordered before the last one at one instant, <see cref="RoezanChangeOrder"/>).
    /// </summary>
    public static IReadOnlySet<string> Superseded(ContactFields incoming, Func<string, DateTimeOffset?> changedAt, ContactSnapshot linked, bool tieIsOlder = false)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(changedAt);
        ArgumentNullException.ThrowIfNull(linked);
        return Judged.Where(field => ValueOf(incoming, field) is not null
                && changedAt(field) is { } at && linked.ChangedAt(field) is { } last && (at < last || (tieIsOlder && at == last)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary><paramref name="kept"/> with each judged field of <paramref name="written"/> changed at its own time by <paramref name="side"/> (never moved back).</summary>
    public static IReadOnlyDictionary<string, FieldChange> With(IReadOnlyDictionary<string, FieldChange> kept, ContactFields written, Func<string, DateTimeOffset?> changedAt, SyncSystem side)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(changedAt);
        var result = new Dictionary<string, FieldChange>(kept, StringComparer.Ordinal);
        foreach (var field in Judged)
        {
            if (ValueOf(written, field) is not null && changedAt(field) is { } at && (!result.TryGetValue(field, out var old) || old.At <= at))
            {
                result[field] = new FieldChange(at, side);
            }
        }

        return result;
    }

    /// <summary>The time of <paramref name="field"/> in <paramref name="times"/>, else <paramref name="fallback"/>.</summary>
    public static DateTimeOffset? Of(IReadOnlyDictionary<string, DateTimeOffset>? times, string field, DateTimeOffset? fallback) =>
        times is not null && times.TryGetValue(field, out var at) ? at : fallback;

    /// <summary>
    /// The time of a GHL field in a Roezan change's per-field <paramref name="times"/> (keyed by Roezan's names): the newest
    /// of the Roezan fields that feed it (<paramref name="sources"/>, <see cref="IContactFieldMapping.SourcesOf"/>), each
    /// without a time of its own counting as <paramref name="fallback"/>; <paramref name="fallback"/> when none feeds it.
    /// </summary>
    public static DateTimeOffset? Of(IReadOnlyDictionary<string, DateTimeOffset>? times, IReadOnlyList<string> sources, DateTimeOffset? fallback)
    {
        ArgumentNullException.ThrowIfNull(sources);
        DateTimeOffset? newest = null;
        foreach (var source in sources)
        {
            if (Of(times, source, fallback) is { } at && (newest is null || at > newest))
            {
                newest = at;
            }
        }

        return newest ?? fallback;
    }

    private static string? ValueOf(ContactFields fields, string name) => name switch
    {
        "firstName" => fields.FirstName,
        "lastName" => fields.LastName,
        "email" => fields.Email,
        _ => null,
    };
}
