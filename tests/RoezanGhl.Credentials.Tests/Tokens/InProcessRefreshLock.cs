using System.Collections.Concurrent;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>The refresh lock without Blob storage, shared by the test "hosts" of one test; a test can make a held lease lost.</summary>
internal sealed class InProcessRefreshLock : ITokenRefreshLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Held> _held = new();

    private int _acquisitions;

    public int Acquisitions => Volatile.Read(ref _acquisitions);

    /// <summary>When set, every lease is lost as soon as it is acquired (its renewal was refused, say).</summary>
    public bool LoseOnAcquire { get; set; }

    public async Task<ITokenRefreshLease> AcquireAsync(string locationId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(locationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _acquisitions);
        var held = new Held(gate);
        _held.Enqueue(held);
        if (LoseOnAcquire)
        {
            held.Lose();
        }

        return held;
    }

    /// <summary>Marks every lease acquired so far as lost.</summary>
    public void LoseHeld()
    {
        foreach (var held in _held)
        {
            held.Lose();
        }
    }

    private sealed class Held(SemaphoreSlim gate) : ITokenRefreshLease
    {
        private readonly CancellationTokenSource _lost = new();

        public CancellationToken Lost => _lost.Token;

        public void Lose() => _lost.Cancel();

        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
