using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>Two instances of the app ("hosts") with their own caches and semaphores, sharing Azurite and the vault.</summary>
[IntegrationLane]
public sealed class TokenRefreshAcrossHostsTests
{
    private readonly TokenWorld _world = new();
    private readonly AzuriteTokenStorage _storage = new();

    [Fact]
    public async Task Two_hosts_sharing_storage_refresh_an_expiring_token_exactly_once()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(3));
        _world.Endpoint.Latency = TimeSpan.FromMilliseconds(300);
        var hostA = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));
        var hostB = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));

        var calls = Enumerable.Range(0, 10).SelectMany(_ => new[] { hostA, hostB })
            .Select(host => Task.Run(async () => await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None)));
        var tokens = await Task.WhenAll(calls);

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.All(tokens, t => Assert.Equal("test-access-1", t.Value));
        Assert.Equal(2, _world.Store.Versions(TokenWorld.TokenSecretName).Count);
        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task A_host_that_waited_for_the_lease_uses_the_pair_the_other_host_stored()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(3));
        var hostA = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));
        var hostB = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));
        var old = await hostB.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);
        Assert.Equal("test-access-1", old.Value);

        // Host A still has the first pair cached and is told it is rejected: it must not spend a refresh token again.
        var fresh = await hostA.Provider.GetFreshTokenAsync(TokenWorld.LocationId, new RoezanGhl.Ghl.Auth.GhlAccessToken("test-access-0"), CancellationToken.None);

        Assert.Equal("test-access-1", fresh.Value);
        Assert.Equal(1, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Invalid_grant_seen_by_one_host_stops_the_other_without_a_second_call()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(3));
        _world.Endpoint.ForcedAnswer = (System.Net.HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"revoked (test)"}""");
        var hostA = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));
        var hostB = _world.NewHost(refreshLock: _storage.NewLock(_world.Logs), statuses: _storage.NewStatusStore(_world.Time));

        await Assert.ThrowsAsync<RoezanGhl.Ghl.Auth.GhlLocationNeedsAttentionException>(() => hostA.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());
        var ex = await Assert.ThrowsAsync<RoezanGhl.Ghl.Auth.GhlLocationNeedsAttentionException>(() => hostB.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Contains("revoked (test)", ex.Reason, StringComparison.Ordinal);
    }
}
