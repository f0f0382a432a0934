using System.Collections.Concurrent;

namespace RoezanGhl.Storage.Links;

/// <summary>
/// An in-process mirror of the link index rows this instance has read or written (<c>rc|</c>, <c>ph|</c>, <c>em|</c> →
/// GHL contact id), so that planning an event of a known contact does not read the links table for it twice. Bounded
/// (<see cref="Capacity"/> rows; when full, expired rows go and then the rest) and short-lived (<see cref="TimeToLive"/>,
/// on the <see cref="TimeProvider"/>). Only links that exist are kept: a contact made by another instance is never
/// hidden behind a cached "not linked".
/// </summary>
/// <remarks>
/// Invalidation: this instance's writes go through (<see cref="ContactLinkStore.RecordContactAsync"/> updates the rows it
/// writes, <see cref="ContactLinkStore.ForgetContactAsync"/> drops every row of the contact); another instance's change
/// of a link (the reconciler re-made a contact GHL lost) is seen after at most <see cref="TimeToLive"/>, or at once when
/// GHL answers 404 for the cached contact: the processor then drops its rows (<see cref="DropContact"/>) and the event's
/// next attempt reads the links table again.
/// </remarks>
public sealed class ContactLinkCache
{
    /// <summary>Link rows kept per instance: about the contacts one burst touches, a few MB at most.</summary>
    public const int Capacity = 20_000;

    /// <summary>
    /// How long a row is trusted: long enough to serve the events of one burst, short enough that a link changed by
    /// another instance is not followed for long (a contact GHL lost answers 404 and is dropped at once anyway).
    /// </summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _rows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ContactLinkCache(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    public int Count => _rows.Count;

    /// <summary>The GHL contact the row links to, when the row is cached and fresh.</summary>
    public string? Find(string partition, string rowKey)
    {
        var key = Key(partition, rowKey);
        if (!_rows.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > _time.GetUtcNow())
        {
            return entry.GhlContactId;
        }

        _rows.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    /// <summary>Keeps the row as read or written.</summary>
    public void Remember(string partition, string rowKey, string ghlContactId)
    {
        var now = _time.GetUtcNow();
        if (_rows.Count >= Capacity)
        {
            MakeRoom(now);
        }

        _rows[Key(partition, rowKey)] = new Entry(ghlContactId, now + TimeToLive);
    }

    /// <summary>Drops one row (its link was deleted: an identity left behind when the phone changed in GHL).</summary>
    public void Drop(string partition, string rowKey) => _rows.TryRemove(Key(partition, rowKey), out _);

    /// <summary>Drops every row that links to <paramref name="ghlContactId"/> (GHL no longer has it, or it was re-made).</summary>
    public void DropContact(string ghlContactId)
    {
        foreach (var (key, entry) in _rows)
        {
            if (entry.GhlContactId == ghlContactId)
            {
                _rows.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _rows)
        {
            if (entry.ExpiresAt <= now)
            {
                _rows.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }

        if (_rows.Count >= Capacity)
        {
            // Still full of fresh rows: start over rather than track recency (a miss only costs a table read).
            _rows.Clear();
        }
    }

    private static string Key(string partition, string rowKey) => partition + "\n" + rowKey;

    private sealed record Entry(string GhlContactId, DateTimeOffset ExpiresAt);
}
