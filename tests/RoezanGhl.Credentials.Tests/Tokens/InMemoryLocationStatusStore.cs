using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>The status store without storage, for tests that are not about Table storage.</summary>
internal sealed class InMemoryLocationStatusStore : ILocationStatusStore
{
    private readonly ConcurrentDictionary<string, GhlLocationStatus> _statuses = new(StringComparer.Ordinal);

    public int Marks { get; private set; }

    public Task<GhlLocationStatus?> GetAsync(string locationId, CancellationToken cancellationToken) =>
        Task.FromResult(_statuses.GetValueOrDefault(locationId));

    public Task MarkNeedsAttentionAsync(string locationId, string reason, string secretFingerprint, CancellationToken cancellationToken)
    {
        Marks++;
        _statuses[locationId] = new GhlLocationStatus(locationId, true, reason, secretFingerprint, DateTimeOffset.UnixEpoch);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string locationId, CancellationToken cancellationToken)
    {
        _statuses[locationId] = new GhlLocationStatus(locationId, false, null, null, DateTimeOffset.UnixEpoch);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<GhlLocationStatus> ListNeedingAttentionAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var status in _statuses.Values.Where(s => s.NeedsAttention))
        {
            yield return status;
        }
    }
}
