using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>
/// The real token provider behind the client, against the GHL simulator: a 401 for a scope the token lacks fails the one
/// call and spends nothing; a 401 for an invalid token spends one refresh, and when GHL refuses the refreshed token too
/// the location is marked as needing attention instead of refreshing again.
/// </summary>
[IntegrationLane]
public sealed class UnauthorizedAnswersTests
{
    private readonly TokenWorld _world = new();

    [Fact]
    public async Task A_missing_scope_with_an_oauth_token_fails_that_call_spends_no_refresh_and_leaves_the_location_usable()
    {
        _world.PutOAuth(TimeSpan.FromHours(5));
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            Tokens = new() { ["test-access-0"] = TokenWorld.LocationId },
            TokenScopes = new() { ["test-access-0"] = ["contacts.readonly"] },
        });
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, _world.NewHost().Provider);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(TokenWorld.LocationId, new() { FirstName = "Ana" }));
        var page = await ghl.Client.GetContactsPageAsync(TokenWorld.LocationId);

        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.Contains("The token is not authorized for this scope.", failure.Messages);
        Assert.Empty(page.Contacts);
        Assert.Equal(0, _world.Endpoint.Calls);
        Assert.Null(await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_scope_with_a_private_integration_token_does_not_mark_the_location()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-token-a");
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            Tokens = new() { ["pit-test-token-a"] = TokenWorld.LocationId },
            TokenScopes = new() { ["pit-test-token-a"] = ["contacts.readonly"] },
        });
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, _world.NewHost().Provider);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.AddTagsAsync(TokenWorld.LocationId, "c-1", ["vip"]));
        var page = await ghl.Client.GetContactsPageAsync(TokenWorld.LocationId);

        Assert.True(failure.MissingScope);
        Assert.Empty(page.Contacts);
        Assert.Null(await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_token_spends_one_refresh_and_a_refused_refreshed_token_marks_the_location_without_a_second()
    {
        _world.PutOAuth(TimeSpan.FromHours(5));
        _world.Endpoint.Accept("test-refresh-1");
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            Tokens = new() { ["test-access-0"] = TokenWorld.LocationId, ["test-access-1"] = TokenWorld.LocationId },
            ExpiredTokens = ["test-access-0", "test-access-1"],
        });
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, _world.NewHost().Provider);

        var first = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => ghl.Client.GetContactsPageAsync(TokenWorld.LocationId));
        var requestsAfterMark = simulator.State.Counters.Snapshot().Total;
        var second = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => ghl.Client.GetContactsPageAsync(TokenWorld.LocationId));

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Equal(2, requestsAfterMark);
        Assert.Equal(requestsAfterMark, simulator.State.Counters.Snapshot().Total);
        Assert.Contains("Invalid token: access token is invalid", first.Reason, StringComparison.Ordinal);
        Assert.Equal(first.Reason, second.Reason);
        var status = await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None);
        Assert.True(status!.NeedsAttention);
        _world.AssertLogsHoldNoSecrets();
    }
}
