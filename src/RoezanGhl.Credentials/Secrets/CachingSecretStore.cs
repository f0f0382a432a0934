using System.Collections.Concurrent;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Keeps secret reads for a short time so that every GHL call and every webhook does not cost a vault
/// round-trip. Concurrent misses for one name share one read; writes go through and refresh the cached
/// value at once; <c>bypassCache</c> always reads the inner store.
/// </summary>
public sealed class CachingSecretStore : ISecretStore
{
    private readonly ISecretStore _inner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public CachingSecretStore(ISecretStore inner, TimeSpan duration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _inner = inner;
        _duration = duration;
        _time = time;
    }

    public async Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = _time.GetUtcNow();
        Entry entry;
        if (bypassCache)
        {
            entry = new Entry(() => ReadAsync(name), now);
            _entries[name] = entry;
        }
        else
        {
            entry = _entries.AddOrUpdate(
                name,
                static (key, state) => new Entry(() => state.Store.ReadAsync(key), state.Now),
                static (key, existing, state) => existing.IsUsable(state.Now, state.Store._duration) ? existing : new Entry(() => state.Store.ReadAsync(key), state.Now),
                (Store: this, Now: now));
        }

        // The shared read runs without the caller's token so that one caller giving up does not fail the others.
        return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        await _inner.SetSecretAsync(name, value, cancellationToken).ConfigureAwait(false);
        _entries[name] = new Entry(() => Task.FromResult<string?>(value), _time.GetUtcNow());
    }

    private Task<string?> ReadAsync(string name) => _inner.GetSecretAsync(name, bypassCache: true, CancellationToken.None);

    private sealed class Entry(Func<Task<string?>> read, DateTimeOffset readAt)
    {
        private readonly Lazy<Task<string?>> _value = new(read, LazyThreadSafetyMode.ExecutionAndPublication);

        public Task<string?> Value => _value.Value;

        /// <summary>Fresh enough, and not a failed read (a failure is never cached).</summary>
        public bool IsUsable(DateTimeOffset now, TimeSpan duration)
        {
            if (now - readAt >= duration)
            {
                return false;
            }

            return !_value.IsValueCreated || !(_value.Value.IsFaulted || _value.Value.IsCanceled);
        }
    }
}
