using System.Collections.Concurrent;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.TestSupport;

/// <summary>
/// An <see cref="ISecretStore"/> in memory, shared by the "hosts" of a test: every write is a new version (as in
/// Key Vault), reads and write attempts are counted, reads can be made to fail (a Key Vault outage), and writes
/// can be made to fail or to wait.
/// </summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, List<string>> _versions = new(StringComparer.Ordinal);
    private int _reads;
    private int _writeAttempts;

    public int Reads => Volatile.Read(ref _reads);

    public int WriteAttempts => Volatile.Read(ref _writeAttempts);

    /// <summary>When set, every read throws it (a Key Vault outage).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Decides, per write attempt, whether it fails; null lets every write through.</summary>
    public Func<string, string, Exception?>? FailWrite { get; set; }

    /// <summary>When set, every write waits for it before completing.</summary>
    public TaskCompletionSource? WriteGate { get; set; }

    /// <summary>Writes a version directly and returns the store, for set-up in one expression.</summary>
    public InMemorySecretStore With(string name, string value)
    {
        Put(name, value);
        return this;
    }

    public Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        if (Failure is { } failure)
        {
            return Task.FromException<string?>(failure);
        }

        if (_versions.TryGetValue(name, out var versions))
        {
            lock (versions)
            {
                return Task.FromResult<string?>(versions[^1]);
            }
        }

        return Task.FromResult<string?>(null);
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writeAttempts);
        if (WriteGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (FailWrite?.Invoke(name, value) is { } failure)
        {
            throw failure;
        }

        Put(name, value);
    }

    /// <summary>Writes a version directly, as an operator or a test set-up would.</summary>
    public void Put(string name, string value)
    {
        var versions = _versions.GetOrAdd(name, _ => []);
        lock (versions)
        {
            versions.Add(value);
        }
    }

    public IReadOnlyList<string> Versions(string name)
    {
        if (!_versions.TryGetValue(name, out var versions))
        {
            return [];
        }

        lock (versions)
        {
            return [.. versions];
        }
    }
}
