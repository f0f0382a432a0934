using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlTokenProviderPrivateIntegrationTests
{
    private readonly TokenWorld _world = new();

    [Fact]
    public async Task Private_integration_token_is_used_as_stored_and_read_through_the_cache()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        var host = _world.NewHost();

        var first = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);
        var second = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("pit-test-token-a", first.Value);
        Assert.Null(first.ExpiresAt);
        Assert.Equal(first, second);
        Assert.Equal(1, _world.Store.Reads);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Rotated_private_integration_token_is_picked_up_after_a_401_within_the_cache_time()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        var host = _world.NewHost();
        var old = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-b");
        var stillCached = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);
        var fresh = await host.Provider.GetFreshTokenAsync(TokenWorld.LocationId, old, CancellationToken.None);
        var afterwards = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("pit-test-token-a", stillCached.Value);
        Assert.Equal("pit-test-token-b", fresh.Value);
        Assert.Equal("pit-test-token-b", afterwards.Value);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlPrivateTokenRotated");
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task Rotation_without_a_401_takes_effect_when_the_cache_expires()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        var host = _world.NewHost();
        await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-b");
        _world.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("pit-test-token-b", (await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Refused_private_integration_token_that_was_not_rotated_needs_attention_and_then_fails_fast()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        var host = _world.NewHost();
        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetFreshTokenAsync(TokenWorld.LocationId, token, CancellationToken.None).AsTask());
        var readsAfterMark = _world.Store.Reads;
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Equal(TokenWorld.LocationId, ex.LocationId);
        Assert.Contains("ghl-token-loc-test-1", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(readsAfterMark, _world.Store.Reads);
        Assert.True((await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None))!.NeedsAttention);
        Assert.Single(_world.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task A_new_private_integration_token_after_the_mark_clears_it()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        var host = _world.NewHost();
        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetFreshTokenAsync(TokenWorld.LocationId, token, CancellationToken.None).AsTask());

        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-b");
        _world.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("pit-test-token-b", (await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None)).Value);
        Assert.False((await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None))!.NeedsAttention);
    }

    [Fact]
    public async Task A_missing_token_secret_needs_attention_naming_the_secret()
    {
        var host = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Contains("'ghl-token-loc-test-1' does not exist", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_secret_with_json_that_is_not_a_token_set_needs_attention()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, """{"token":"test-access-x"}""");
        var host = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Contains("not a token set", ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("test-access-x", ex.Message, StringComparison.Ordinal);
    }
}
