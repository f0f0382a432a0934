using System.Collections.Concurrent;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

internal sealed class InMemoryNonceStore : IOAuthStateNonceStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(_used.TryAdd(nonce, expiresAt));
}
