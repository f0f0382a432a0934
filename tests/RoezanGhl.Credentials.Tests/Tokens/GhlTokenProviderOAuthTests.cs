using System.Net;
using Microsoft.Extensions.Logging;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.TestSupport.Time;
using RoezanGhl.TestSupport.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlTokenProviderOAuthTests
{
    private readonly TokenWorld _world = new();

    [Fact]
    public async Task Token_far_from_expiry_is_used_without_a_refresh()
    {
        _world.PutOAuth(TimeSpan.FromHours(5));
        var host = _world.NewHost();

        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("test-access-0", token.Value);
        Assert.Equal(_world.Time.GetUtcNow() + TimeSpan.FromHours(5), token.ExpiresAt);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Token_inside_the_refresh_lead_is_refreshed_with_the_form_the_spec_describes()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(9));
        var host = _world.NewHost();

        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("test-access-1", token.Value);
        var form = Assert.Single(_world.Endpoint.Requests);
        Assert.Equal(FakeGhlTokenEndpoint.ClientId, form["client_id"]);
        Assert.Equal(FakeGhlTokenEndpoint.ClientSecret, form["client_secret"]);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("test-refresh-0", form["refresh_token"]);
        Assert.Equal("Location", form["user_type"]);
        Assert.Equal("application/x-www-form-urlencoded", Assert.Single(_world.Endpoint.ContentTypes));
        Assert.Equal(new Uri("https://ghl.test/oauth/token"), Assert.Single(_world.Endpoint.Urls));
    }

    [Fact]
    public async Task Twenty_concurrent_callers_with_an_expiring_token_cause_exactly_one_refresh()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(2));
        _world.Endpoint.Latency = TimeSpan.FromMilliseconds(100);
        var host = _world.NewHost();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () => await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None))));

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.All(tokens, t => Assert.Equal("test-access-1", t.Value));
        Assert.Equal(2, _world.Store.Versions(TokenWorld.TokenSecretName).Count);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task New_pair_is_stored_before_the_token_is_handed_out()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        var host = _world.NewHost();
        _world.Store.WriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask();
        // Whichever comes first: the write of the new pair (held at the gate) or the token.
        await Task.WhenAny(pending, Gate.UntilAsync(() => _world.Store.WriteAttempts == 1, "the write of the new pair"));

        Assert.False(pending.IsCompleted, "The token was handed out while its pair was not stored yet.");
        Assert.Equal(1, _world.Store.WriteAttempts);
        Assert.Equal(1, _world.Endpoint.Calls);

        _world.Store.WriteGate.SetResult();
        var token = await pending;
        var stored = _world.StoredSet();
        Assert.Equal(token.Value, stored.AccessToken);
        Assert.Equal("test-refresh-1", stored.RefreshToken);
        Assert.Equal(TokenWorld.LocationId, stored.LocationId);
        Assert.Equal(_world.Time.GetUtcNow() + TimeSpan.FromSeconds(86399), stored.ExpiresAt);
    }

    [Fact]
    public async Task A_refreshed_pair_is_stored_even_when_the_caller_is_cancelled_after_ghl_answered()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        var host = _world.NewHost();
        _world.Store.WriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var caller = new CancellationTokenSource();

        var pending = host.Provider.GetTokenAsync(TokenWorld.LocationId, caller.Token).AsTask();
        await Gate.UntilAsync(() => _world.Store.WriteAttempts == 1, "the write of the new pair");
        // GHL has answered and spent the old refresh token; now the caller goes away (scale-in, deploy, timeout).
        await caller.CancelAsync();
        _world.Store.WriteGate.SetResult();
        await pending.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
    }

    [Fact]
    public async Task Losing_the_refresh_lease_before_the_refresh_is_sent_stops_it_without_asking_ghl()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        var host = _world.NewHost();
        _world.Lock.LoseOnAcquire = true;

        await Assert.ThrowsAsync<GhlRefreshLeaseLostException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Equal(0, _world.Endpoint.Calls);
        Assert.Equal("test-refresh-0", _world.StoredSet().RefreshToken);
        Assert.Equal(0, _world.Statuses.Marks);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlTokenRefreshLeaseLost" && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Losing_the_refresh_lease_after_ghl_answered_still_stores_the_pair_and_reports_it()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        var host = _world.NewHost();
        _world.Store.WriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask();
        await Gate.UntilAsync(() => _world.Store.WriteAttempts == 1, "the write of the new pair");
        _world.Lock.LoseHeld();
        _world.Store.WriteGate.SetResult();
        var token = await pending;

        Assert.Equal("test-access-1", token.Value);
        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlTokenRefreshedWithoutLease" && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_401_refreshes_a_token_that_is_not_yet_due()
    {
        var set = _world.PutOAuth(TimeSpan.FromHours(10));
        var host = _world.NewHost();

        var fresh = await host.Provider.GetFreshTokenAsync(TokenWorld.LocationId, set.ToAccessToken(), CancellationToken.None);

        Assert.Equal("test-access-1", fresh.Value);
        Assert.Equal(1, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task A_401_for_a_token_that_was_already_replaced_uses_the_stored_one_without_a_refresh()
    {
        _world.PutOAuth(TimeSpan.FromHours(10), access: "test-access-new", refresh: "test-refresh-new");
        var host = _world.NewHost();

        var fresh = await host.Provider.GetFreshTokenAsync(TokenWorld.LocationId, new GhlAccessToken("test-access-old"), CancellationToken.None);

        Assert.Equal("test-access-new", fresh.Value);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Invalid_grant_marks_the_location_and_the_token_endpoint_is_not_called_again()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Invalid grant: refresh token is invalid"}""");
        var host = _world.NewHost();

        var first = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());
        }

        _world.Time.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Equal(TokenWorld.LocationId, first.LocationId);
        Assert.Contains("Invalid grant: refresh token is invalid", first.Reason, StringComparison.Ordinal);
        var status = await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None);
        Assert.True(status!.NeedsAttention);
        Assert.Contains("invalid_grant", status.Reason, StringComparison.Ordinal);
        var error = Assert.Single(_world.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("GhlLocationNeedsAttention", error.Id.Name);
        Assert.Equal(TokenWorld.LocationId, error.GetStructuredStateValue("LocationId"));
        Assert.Contains("Invalid grant: refresh token is invalid", error.Message, StringComparison.Ordinal);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task Location_not_active_marks_the_location_with_ghls_message()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"statusCode":400,"message":"Location is not active"}""");
        var host = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Contains("Location is not active", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _world.Statuses.Marks);
    }

    [Fact]
    public async Task A_mark_left_by_another_instance_stops_the_refresh_without_asking_ghl()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"revoked"}""");
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => _world.NewHost().Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        var otherInstance = _world.NewHost();
        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => otherInstance.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Contains("revoked", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task A_new_token_set_clears_the_mark_and_is_used()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        var host = _world.NewHost();
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        // A person re-authorizes: the install stores a new pair (a new secret version).
        _world.Endpoint.ForcedAnswer = null;
        _world.PutOAuth(TimeSpan.FromHours(20), access: "test-access-reinstalled", refresh: "test-refresh-reinstalled");
        _world.Time.Advance(TimeSpan.FromSeconds(31));

        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("test-access-reinstalled", token.Value);
        Assert.False((await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None))!.NeedsAttention);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlLocationAttentionCleared");
    }

    [Fact]
    public async Task Store_failures_are_retried_with_the_same_pair_and_never_with_a_second_refresh()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        var failures = 3;
        _world.Store.FailWrite = (_, _) => Interlocked.Decrement(ref failures) >= 0 ? new InvalidOperationException("vault unavailable (test)") : null;
        var host = _world.NewHost();

        var token = await _world.WhileTimePassesAsync(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask(), TimeSpan.FromSeconds(1));

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Equal(4, _world.Store.WriteAttempts);
        Assert.Equal("test-access-1", token.Value);
        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
        Assert.Equal(3, _world.Logs.GetSnapshot().Count(r => r.Id.Name == "GhlTokenStoreRetrying"));
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task A_pair_that_could_not_be_stored_is_stored_first_on_the_next_call_without_a_refresh()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Store.FailWrite = (_, _) => new InvalidOperationException("vault unavailable (test)");
        var host = _world.NewHost();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _world.WhileTimePassesAsync(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask(), TimeSpan.FromSeconds(5)));
        Assert.Equal("test-refresh-0", _world.StoredSet().RefreshToken);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlTokenStoreFailed" && r.Level == LogLevel.Error);

        _world.Store.FailWrite = null;
        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal(1, _world.Endpoint.Calls);
        Assert.Equal("test-access-1", token.Value);
        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task A_crash_between_refresh_and_store_ends_in_needs_attention_not_in_a_retry_loop()
    {
        // Host A refreshes, its writes fail for the whole retry window (a caller's cancellation no longer stops them),
        // and then host A dies: the new pair, kept only in its memory, is lost and the stored refresh token is spent.
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Store.FailWrite = (_, _) => new InvalidOperationException("vault unavailable (test)");
        var hostA = _world.NewHost();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _world.WhileTimePassesAsync(() => hostA.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask(), TimeSpan.FromSeconds(5)));

        _world.Store.FailWrite = null;
        var hostB = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => hostB.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => hostB.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Equal(2, _world.Endpoint.Calls);
        Assert.Contains("invalid_grant", ex.Reason, StringComparison.Ordinal);
        Assert.True((await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None))!.NeedsAttention);

        // The way out: re-authorize, which stores a new pair.
        _world.PutOAuth(TimeSpan.FromHours(20), access: "test-access-reinstalled", refresh: "test-refresh-reinstalled");
        _world.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("test-access-reinstalled", (await hostB.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None)).Value);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task A_passing_failure_ahead_of_expiry_keeps_the_current_token()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(5));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var host = _world.NewHost();

        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("test-access-0", token.Value);
        Assert.Equal(0, _world.Statuses.Marks);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlTokenRefreshDeferred");
    }

    [Fact]
    public async Task A_passing_failure_after_expiry_throws_without_marking_the_location()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(-1));
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.TooManyRequests, """{"statusCode":429,"message":"Too many requests"}""");
        var host = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.False(ex.IsRejected);
        Assert.Equal(0, _world.Statuses.Marks);
    }

    [Fact]
    public async Task Missing_client_credentials_need_attention_without_calling_ghl()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(1));
        _world.Store.Put(SecretNames.GhlOAuthClientSecret, " ");
        var host = _world.NewHost();

        var ex = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());

        Assert.Contains("ghl-oauth-client-secret", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task A_lease_held_too_long_elsewhere_keeps_the_current_token_while_it_is_valid()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(5));
        var host = _world.NewHost(refreshLock: new TimedOutRefreshLock());

        var token = await host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None);

        Assert.Equal("test-access-0", token.Value);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task A_lease_held_too_long_elsewhere_after_expiry_is_a_passing_failure()
    {
        _world.PutOAuth(TimeSpan.FromMinutes(-1));
        var host = _world.NewHost(refreshLock: new TimedOutRefreshLock());

        await Assert.ThrowsAsync<TimeoutException>(() => host.Provider.GetTokenAsync(TokenWorld.LocationId, CancellationToken.None).AsTask());
        Assert.Equal(0, _world.Statuses.Marks);
    }

    private sealed class TimedOutRefreshLock : ITokenRefreshLock
    {
        public Task<ITokenRefreshLease> AcquireAsync(string locationId, CancellationToken cancellationToken) =>
            throw new TimeoutException("lease taken (test)");
    }
}
