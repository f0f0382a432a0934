using System.Collections.Concurrent;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>The refresh lock without Blob storage, shared by the test "hosts" of one test.</summary>
internal sealed class InProcessRefreshLock : ITokenRefreshLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private int _acquisitions;

    public int Acquisitions => Volatile.Read(ref _acquisitions);

    public async Task<IAsyncDisposable> AcquireAsync(string locationId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(locationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _acquisitions);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
