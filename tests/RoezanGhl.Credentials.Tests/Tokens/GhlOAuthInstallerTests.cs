using System.Net;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport.Time;
using RoezanGhl.TestSupport.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlOAuthInstallerTests
{
    private readonly TokenWorld _world = new();
    private readonly GhlOAuthInstaller _installer;
    private readonly RoezanOptions _accounts = new() { Accounts = { ["acme"] = new RoezanAccountOptions { GhlLocationId = TokenWorld.LocationId } } };

    public GhlOAuthInstallerTests()
    {
        var options = Options.Create(_world.OAuth);
        var signer = new GhlOAuthStateSigner(_world.Store, new InMemoryNonceStore(), options, _world.Time);
        var tokenClient = new GhlOAuthTokenClient(new FakeHttpClientFactory(_world.Endpoint), options);
        var store = new GhlLocationTokenStore(_world.Store, _world.Lock, _world.Statuses);
        var accounts = new Mock<IOptionsMonitor<RoezanOptions>>();
        accounts.SetupGet(a => a.CurrentValue).Returns(() => _accounts);
        var writer = new GhlOAuthInstallWriter(store, accounts.Object, options, _world.Time, new FakeLogger<GhlOAuthInstallWriter>(_world.Logs));
        _installer = new GhlOAuthInstaller(store, tokenClient, signer, writer, options, new FakeLogger<GhlOAuthInstaller>(_world.Logs));
        _world.PutClientCredentials();
        _world.Endpoint.AcceptCode("test-code-1");
    }

    [Fact]
    public async Task Start_redirects_to_the_choose_location_page_with_every_parameter()
    {
        var outcome = await _installer.StartAsync(CancellationToken.None);

        Assert.Equal(302, outcome.StatusCode);
        var target = outcome.RedirectTo!;
        Assert.Equal("https://marketplace.gohighlevel.com/oauth/chooselocation", target.GetLeftPart(UriPartial.Path));
        var query = Query(target);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("https://app.test/api/ghl/oauth/callback", query["redirect_uri"]);
        Assert.Equal(FakeGhlTokenEndpoint.ClientId, query["client_id"]);
        Assert.Equal("contacts.readonly contacts.write", query["scope"]);
        Assert.StartsWith("v1.", query["state"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_without_a_redirect_uri_says_which_setting_is_missing()
    {
        _world.OAuth.RedirectUri = null;

        var outcome = await _installer.StartAsync(CancellationToken.None);

        Assert.Equal(503, outcome.StatusCode);
        Assert.Null(outcome.RedirectTo);
        Assert.Contains("GhlOAuth:RedirectUri", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_exchanges_the_code_and_stores_the_tokens_for_the_location_ghl_names()
    {
        await _world.Statuses.MarkNeedsAttentionAsync(TokenWorld.LocationId, "revoked", "sha256:old", CancellationToken.None);
        var state = await NewStateAsync();

        var outcome = await _installer.CompleteAsync("test-code-1", state, null, CancellationToken.None);

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(TokenWorld.LocationId, outcome.LocationId);
        var form = Assert.Single(_world.Endpoint.Requests);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("test-code-1", form["code"]);
        Assert.Equal("Location", form["user_type"]);
        Assert.Equal("https://app.test/api/ghl/oauth/callback", form["redirect_uri"]);
        var stored = _world.StoredSet();
        Assert.Equal("test-access-1", stored.AccessToken);
        Assert.Equal("test-refresh-1", stored.RefreshToken);
        Assert.Equal("company-test-1", stored.CompanyId);
        Assert.Equal(1, _world.Lock.Acquisitions);
        Assert.False((await _world.Statuses.GetAsync(TokenWorld.LocationId, CancellationToken.None))!.NeedsAttention);
        Assert.Contains(TokenWorld.LocationId, outcome.ToHtml(), StringComparison.Ordinal);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task Callback_with_a_reused_state_is_refused_and_ghl_is_not_called_again()
    {
        var state = await NewStateAsync();
        await _installer.CompleteAsync("test-code-1", state, null, CancellationToken.None);

        var replay = await _installer.CompleteAsync("test-code-1", state, null, CancellationToken.None);

        Assert.Equal(400, replay.StatusCode);
        Assert.Contains("already used", replay.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_with_an_expired_state_is_refused()
    {
        var state = await NewStateAsync();
        _world.Time.Advance(TimeSpan.FromMinutes(11));

        var outcome = await _installer.CompleteAsync("test-code-1", state, null, CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("expired", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_with_a_forged_state_is_refused()
    {
        var outcome = await _installer.CompleteAsync("test-code-1", "v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("not issued by this app", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _world.Endpoint.Calls);
        Assert.Empty(_world.Store.Versions(TokenWorld.TokenSecretName));
    }

    [Fact]
    public async Task Callback_shows_ghls_refusal_html_encoded()
    {
        _world.Endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"statusCode":400,"message":"<script>alert(1)</script> code is invalid"}""");

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        var html = outcome.ToHtml();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; code is invalid", html, StringComparison.Ordinal);
        Assert.Empty(_world.Store.Versions(TokenWorld.TokenSecretName));
    }

    [Fact]
    public async Task Callback_refuses_a_company_token()
    {
        _world.Endpoint.UserType = "Company";

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("sub-account", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Store.Versions(TokenWorld.TokenSecretName));
    }

    [Fact]
    public async Task Callback_with_an_error_from_highlevel_shows_it_encoded()
    {
        var outcome = await _installer.CompleteAsync(null, null, "access_denied<b>", CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("access_denied&lt;b&gt;", outcome.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(0, _world.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_stores_the_tokens_even_when_the_request_is_cancelled_after_the_code_exchange()
    {
        var state = await NewStateAsync();
        _world.Store.WriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var request = new CancellationTokenSource();

        var pending = _installer.CompleteAsync("test-code-1", state, null, request.Token);
        await Gate.UntilAsync(() => _world.Store.WriteAttempts == 1, "the write of the installed tokens");
        // HighLevel has answered (the code is spent); now the browser gives up.
        await request.CancelAsync();
        _world.Store.WriteGate.SetResult();
        await pending.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal("test-refresh-1", _world.StoredSet().RefreshToken);
    }

    [Fact]
    public async Task Callback_that_cannot_store_the_tokens_says_so()
    {
        _world.Store.FailWrite = (name, _) => name == TokenWorld.TokenSecretName ? new InvalidOperationException("vault unavailable (test)") : null;

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(500, outcome.StatusCode);
        Assert.Contains("could not be stored", outcome.Title, StringComparison.Ordinal);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task Callback_for_a_location_no_account_feeds_is_refused_and_stores_nothing()
    {
        _accounts.Accounts.Clear();
        _accounts.Accounts["acme"] = new RoezanAccountOptions { GhlLocationId = "loc-other" };

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains(TokenWorld.LocationId, outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("GhlLocationId", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Store.Versions(TokenWorld.TokenSecretName));
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Id == 4039);
    }

    [Fact]
    public async Task Callback_over_a_working_private_integration_token_says_what_it_would_replace_and_keeps_it()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-working");

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(409, outcome.StatusCode);
        Assert.Contains("Private Integration token (fingerprint sha256:", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("GhlOAuth:AllowReplacingPrivateIntegrationToken", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal("pit-test-working", _world.Store.Versions(TokenWorld.TokenSecretName)[^1]);
        _world.AssertLogsHoldNoSecrets();
    }

    [Fact]
    public async Task Callback_replaces_a_private_integration_token_when_the_setting_allows_it()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-working");
        _world.OAuth.AllowReplacingPrivateIntegrationToken = true;

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("test-access-1", _world.StoredSet().AccessToken);
        Assert.Contains(_world.Logs.GetSnapshot(), r => r.Id.Name == "GhlOAuthReplacingPrivateIntegration");
    }

    [Fact]
    public async Task Callback_replaces_a_private_integration_token_that_ghl_refused_without_the_setting()
    {
        _world.Store.Put(TokenWorld.TokenSecretName, "pit-test-revoked");
        await _world.Statuses.MarkNeedsAttentionAsync(TokenWorld.LocationId, "revoked", GhlTokenSecret.Read("pit-test-revoked").Fingerprint, CancellationToken.None);

        var outcome = await _installer.CompleteAsync("test-code-1", await NewStateAsync(), null, CancellationToken.None);

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("test-access-1", _world.StoredSet().AccessToken);
    }

    private async Task<string> NewStateAsync() => Query((await _installer.StartAsync(CancellationToken.None)).RedirectTo!)["state"];

    private static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?').Split('&')
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
