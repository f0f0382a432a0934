using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// The console's HTTP API as a signed-in browser meets it: the app (key access, the front end added) behind
/// <see cref="ConsoleWebHost"/>, one cookie jar, sign-in with the key, and requests that send the CSRF token and an
/// <c>If-Match</c> back the way the pages do.
/// </summary>
internal sealed partial class ConsoleApiSession : IAsyncDisposable
{
    private readonly ConsoleWebHost _web;
    private readonly string _key;
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer() });

    private ConsoleApiSession(AppTestHost app, ConsoleWebHost web, string key)
    {
        App = app;
        _web = web;
        _key = key;
    }

    public AppTestHost App { get; }

    /// <summary>Starts the app from <paramref name="builder"/> with console key access (<paramref name="key"/>) and the console in front of it.</summary>
    public static async Task<ConsoleApiSession> StartAsync(AppTestHostBuilder builder, string key)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = await builder
            .WithSetting("Console:Access", "Key")
            .WithSecret("console-key", key)
            .WithServices(services => services.AddConsoleFrontEnd())
            .StartAsync();
        return new ConsoleApiSession(app, await ConsoleWebHost.StartAsync(app), key);
    }

    public Uri Url(string path) => new(_web.BaseUrl, "/api/console/" + path);

    /// <summary>Signs in with the key; returns the CSRF token the signed-in page carries.</summary>
    public async Task<string> SignInAsync()
    {
        using var form = new FormUrlEncodedContent([new("key", _key)]);
        using var signedIn = await _client.PostAsync(Url("signin"), form);
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return CsrfMeta().Match(page).Groups[1].Value;
    }

    /// <summary>Sends <paramref name="json"/> to <paramref name="path"/> with the token and <c>If-Match</c> when given.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string json, string? csrf, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (csrf is not null)
        {
            request.Headers.Add(ConsoleGate.CsrfHeader, csrf);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _web.DisposeAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([0-9a-f]{64})\"", RegexOptions.CultureInvariant)]
    private static partial Regex CsrfMeta();
}
