using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// Saving a two-way field's direction through the console's HTTP API (signed in with the key, CSRF token sent back):
/// a valid one is stored as a new version and read back; an unknown one is refused with the validator's problem for the field.
/// </summary>
[IntegrationLane]
public sealed partial class ConsoleDirectionApiTests : IAsyncLifetime, IDisposable
{
    private const string ConsoleKey = "console-key-for-tests-0002";
    private AppTestHost _app = null!;
    private ConsoleWebHost _web = null!;
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer() });

    public async Task InitializeAsync()
    {
        _app = await AppTestHost.Create()
            .WithSetting("Console:Access", "Key")
            .WithSecret("console-key", ConsoleKey)
            .WithServices(services => services.AddConsoleFrontEnd())
            .StartAsync();
        _web = await ConsoleWebHost.StartAsync(_app);
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Uri Url(string path) => new(_web.BaseUrl, "/api/console/" + path);

    private async Task<string> SignInAsync()
    {
        using var form = new FormUrlEncodedContent([new("key", ConsoleKey)]);
        using var signedIn = await _client.PostAsync(Url("signin"), form);
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return CsrfMeta().Match(page).Groups[1].Value;
    }

    private async Task<(HttpStatusCode Status, string Body)> SaveAsync(string csrf, string version, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Url($"api/accounts/{AppTestHost.AccountId}/configuration"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ConsoleGate.CsrfHeader, csrf);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_direction_saved_through_the_api_is_stored_and_an_unknown_one_is_refused_by_field()
    {
        var csrf = await SignInAsync();

        var saved = await SaveAsync(csrf, "v0", """{"mapping":{"directions":{"email":"ghl-to-roezan"}}}""");
        var refused = await SaveAsync(csrf, "v1", """{"mapping":{"directions":{"email":"sideways"}}}""");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var current = await _app.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal(1, current.Version);
        Assert.Equal("ghl-to-roezan", current.Configuration.Mapping.Directions["email"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Mapping:directions:email", refused.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([0-9a-f]{64})\"", RegexOptions.CultureInvariant)]
    private static partial Regex CsrfMeta();
}
