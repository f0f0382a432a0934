using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Tokens;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public sealed class TokenSweepTests : IAsyncLifetime, IDisposable
{
    private readonly FakeGhlTokenEndpoint _endpoint = new() { LocationId = ReconcileRig.LocationId };
    private ReconcileRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await ReconcileRig.StartAsync(configure: services =>
            services.AddHttpClient(GhlOAuthTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _endpoint));
        // GHL accepts whatever token the refresh hands out.
        _rig.Simulator.Settings = _rig.Simulator.Settings with { Tokens = [] };
        _rig.Secrets
            .With(SecretNames.GhlOAuthClientId, FakeGhlTokenEndpoint.ClientId)
            .With(SecretNames.GhlOAuthClientSecret, FakeGhlTokenEndpoint.ClientSecret);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    public void Dispose() => _endpoint.Dispose();

    private void StoreTokenExpiringIn(TimeSpan expiresIn)
    {
        _rig.Secrets.With(SecretNames.GhlToken(ReconcileRig.LocationId), GhlTokenSecret.Write(new GhlOAuthTokenSet
        {
            AccessToken = "test-access-0",
            RefreshToken = "test-refresh-0",
            ExpiresAt = DateTimeOffset.UtcNow + expiresIn,
            LocationId = ReconcileRig.LocationId,
        }));
        _endpoint.Accept("test-refresh-0");
    }

    private async Task<GhlOAuthTokenSet> StoredAsync() =>
        GhlTokenSecret.Read(await _rig.Secrets.GetSecretAsync(SecretNames.GhlToken(ReconcileRig.LocationId), bypassCache: true, CancellationToken.None)).OAuth!;

    [Fact]
    public async Task A_token_that_expires_before_the_next_runs_is_refreshed_although_no_event_needs_it()
    {
        StoreTokenExpiringIn(TimeSpan.FromMinutes(30));

        var summary = await _rig.RunAsync();

        Assert.Equal(1, summary.TokensRefreshed);
        Assert.Equal(1, _endpoint.Calls);
        var stored = await StoredAsync();
        Assert.Equal(("test-access-1", "test-refresh-1"), (stored.AccessToken, stored.RefreshToken));
        Assert.True(stored.ExpiresAt > DateTimeOffset.UtcNow.AddHours(20));
    }

    [Fact]
    public async Task A_token_with_hours_left_is_left_alone()
    {
        StoreTokenExpiringIn(TimeSpan.FromHours(5));

        var summary = await _rig.RunAsync();

        Assert.Equal(0, summary.TokensRefreshed);
        Assert.Equal(0, _endpoint.Calls);
        Assert.Equal("test-access-0", (await StoredAsync()).AccessToken);
    }

    [Fact]
    public async Task A_dry_run_counts_the_token_due_and_spends_no_refresh_token()
    {
        StoreTokenExpiringIn(TimeSpan.FromMinutes(30));

        var summary = await _rig.RunAsync(dryRun: true);

        Assert.Equal(1, summary.TokensRefreshed);
        Assert.Equal(0, _endpoint.Calls);
        Assert.Equal("test-refresh-0", (await StoredAsync()).RefreshToken);
    }

    [Fact]
    public async Task A_refused_refresh_is_logged_and_the_rest_of_the_run_goes_on()
    {
        StoreTokenExpiringIn(TimeSpan.FromMinutes(30));
        _endpoint.ForcedAnswer = (System.Net.HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"revoked"}""");

        var summary = await _rig.RunAsync();

        Assert.Equal(0, summary.TokensRefreshed);
        Assert.Contains(_rig.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileTokenNeedsAttention");
        Assert.DoesNotContain(_rig.Logs.GetSnapshot(), record => record.Message.Contains("test-refresh-0", StringComparison.Ordinal));
    }
}
