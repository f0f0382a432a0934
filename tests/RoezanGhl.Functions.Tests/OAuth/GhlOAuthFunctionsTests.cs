using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.OAuth;

[IntegrationLane]
public sealed class GhlOAuthFunctionsTests : IAsyncLifetime
{
    private FunctionsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FunctionsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_redirects_to_highlevels_choose_location_page()
    {
        var result = await Start().RunAsync(new DefaultHttpContext().Request, CancellationToken.None);

        var redirect = Assert.IsType<RedirectResult>(result);
        Assert.False(redirect.Permanent);
        Assert.StartsWith("https://marketplace.gohighlevel.com/oauth/chooselocation?response_type=code&redirect_uri=https%3A%2F%2Fapp.test%2Fapi%2Fghl%2Foauth%2Fcallback&client_id=test-client-id&scope=contacts.readonly%20contacts.write&state=v1.", redirect.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_stores_the_tokens_and_the_location_can_be_called_at_once()
    {
        var state = await NewStateAsync();

        var page = await CallbackAsync($"?code={CodeExchangeEndpoint.Code}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(200, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains($"Location {CodeExchangeEndpoint.LocationId} is connected", page.Content, StringComparison.Ordinal);
        Assert.Contains("grant_type=authorization_code", _host.Endpoint.LastForm, StringComparison.Ordinal);
        var token = await _host.Services.GetRequiredService<IGhlTokenProvider>().GetTokenAsync(CodeExchangeEndpoint.LocationId, CancellationToken.None);
        Assert.Equal("test-access-installed", token.Value);
        var status = await _host.Services.GetRequiredService<ILocationStatusStore>().GetAsync(CodeExchangeEndpoint.LocationId, CancellationToken.None);
        Assert.False(status!.NeedsAttention);
        AssertNoTokenInLogs();
    }

    [Fact]
    public async Task Callback_for_a_location_no_account_feeds_shows_a_page_saying_so_and_stores_nothing()
    {
        await using var host = await FunctionsTestHost.StartAsync(accountLocationId: "loc-other");
        var start = (RedirectResult)await host.Host.Function<GhlOAuthStartFunction>().RunAsync(new DefaultHttpContext().Request, CancellationToken.None);
        var state = Uri.UnescapeDataString(start.Url.Split("state=")[1]);
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString($"?code={CodeExchangeEndpoint.Code}&state={Uri.EscapeDataString(state)}");

        var page = Assert.IsType<ContentResult>(await host.Host.Function<GhlOAuthCallbackFunction>().RunAsync(context.Request, CancellationToken.None));

        Assert.Equal(400, page.StatusCode);
        Assert.Contains("not set up here", page.Content, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<ISecretStore>().GetSecretAsync(SecretNames.GhlToken(CodeExchangeEndpoint.LocationId), bypassCache: true, CancellationToken.None));
    }

    [Fact]
    public async Task Callback_with_a_bad_state_answers_400()
    {
        var page = await CallbackAsync($"?code={CodeExchangeEndpoint.Code}&state=v1.forged.state");

        Assert.Equal(400, page.StatusCode);
        Assert.Contains("This install link cannot be used", page.Content, StringComparison.Ordinal);
        Assert.Equal(0, _host.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_with_a_reused_state_answers_400()
    {
        var query = $"?code={CodeExchangeEndpoint.Code}&state={Uri.EscapeDataString(await NewStateAsync())}";
        Assert.Equal(200, (await CallbackAsync(query)).StatusCode);

        var replay = await CallbackAsync(query);

        Assert.Equal(400, replay.StatusCode);
        Assert.Contains("already used", replay.Content, StringComparison.Ordinal);
        Assert.Equal(1, _host.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_with_an_expired_state_answers_400()
    {
        var state = await NewStateAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(10));

        var page = await CallbackAsync($"?code={CodeExchangeEndpoint.Code}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(400, page.StatusCode);
        Assert.Contains("expired", page.Content, StringComparison.Ordinal);
        Assert.Equal(0, _host.Endpoint.Calls);
    }

    [Fact]
    public async Task Callback_echoes_nothing_unencoded()
    {
        var page = await CallbackAsync("?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(400, page.StatusCode);
        Assert.DoesNotContain("<script>", page.Content, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Content, StringComparison.Ordinal);
    }

    private GhlOAuthStartFunction Start() => _host.Host.Function<GhlOAuthStartFunction>();

    private async Task<string> NewStateAsync()
    {
        var redirect = (RedirectResult)await Start().RunAsync(new DefaultHttpContext().Request, CancellationToken.None);
        var state = redirect.Url[(redirect.Url.IndexOf("&state=", StringComparison.Ordinal) + 7)..];
        return Uri.UnescapeDataString(state);
    }

    private async Task<ContentResult> CallbackAsync(string query)
    {
        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString(query);
        var function = _host.Host.Function<GhlOAuthCallbackFunction>();
        return Assert.IsType<ContentResult>(await function.RunAsync(request, CancellationToken.None));
    }

    private void AssertNoTokenInLogs()
    {
        foreach (var record in _host.Logs.GetSnapshot())
        {
            var texts = new[] { record.Message, record.Exception?.ToString() }.Concat(record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (var text in texts.OfType<string>())
            {
                Assert.DoesNotContain("test-access-", text, StringComparison.Ordinal);
                Assert.DoesNotContain("test-refresh-", text, StringComparison.Ordinal);
                Assert.DoesNotContain("test-client-secret", text, StringComparison.Ordinal);
                Assert.DoesNotContain(CodeExchangeEndpoint.Code, text, StringComparison.Ordinal);
            }
        }
    }
}
