using System.Collections.Concurrent;
using RoezanGhl.Sync.Tokens;

namespace RoezanGhl.Sync.Tests.Tokens;

internal sealed class InMemoryNonceStore : IOAuthStateNonceStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(_used.TryAdd(nonce, expiresAt));
}
