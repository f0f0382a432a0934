using System.Collections.Concurrent;
using RoezanGhl.Sync.Secrets;

namespace RoezanGhl.TestSupport;

/// <summary>An <see cref="ISecretStore"/> in a dictionary, counting reads, with an optional failure to throw.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _reads;

    public int Reads => _reads;

    /// <summary>When set, every read throws it (a Key Vault outage).</summary>
    public Exception? Failure { get; set; }

    public InMemorySecretStore With(string name, string value)
    {
        _values[name] = value;
        return this;
    }

    public Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        if (Failure is { } failure)
        {
            return Task.FromException<string?>(failure);
        }

        return Task.FromResult(_values.TryGetValue(name, out var value) ? value : null);
    }

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }
}
