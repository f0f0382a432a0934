using System.Collections.Concurrent;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Caching;

/// <summary>
/// The contact custom fields of each GHL location (<c>GET /locations/{id}/customFields</c>) as the mapping editor last
/// read them: in process, at most <see cref="Capacity"/> locations, each for <see cref="TimeToLive"/> on the
/// <see cref="TimeProvider"/>. GHL changes this list only when someone adds or renames a field in GHL, which a person does
/// while mapping; so an entry also goes the moment the account's configuration version differs from the one it was read
/// with (a mapping was saved, here or on another instance), and on a failed read nothing is kept.
/// </summary>
public sealed class LocationCustomFieldsCache(GhlContactsClient ghl, TimeProvider time)
{
    /// <summary>Locations kept; when full, the expired go and then the rest (a miss is one GET).</summary>
    public const int Capacity = 1_000;

    /// <summary>Long enough for one mapping session's page loads, short enough that a field added in GHL shows up soon.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The location's custom fields: from the cache when read with the same <paramref name="configurationVersion"/>
    /// less than <see cref="TimeToLive"/> ago (FromCache), otherwise from GHL.
    /// </summary>
    public async Task<(IReadOnlyList<GhlCustomFieldDefinition> Fields, bool FromCache)> GetAsync(string locationId, int configurationVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(locationId, out var entry) && entry.Version == configurationVersion && entry.ExpiresAt > now)
        {
            return (entry.Fields, true);
        }

        _entries.TryRemove(locationId, out _);
        var fields = await ghl.GetContactCustomFieldsAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (_entries.Count >= Capacity)
        {
            MakeRoom(now);
        }

        _entries[locationId] = new Entry(fields, configurationVersion, now + TimeToLive);
        return (fields, false);
    }

    /// <summary>Drops the location's list: the next read asks GHL.</summary>
    public void Drop(string locationId) => _entries.TryRemove(locationId, out _);

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(IReadOnlyList<GhlCustomFieldDefinition> Fields, int Version, DateTimeOffset ExpiresAt);
}
