using System.Net;
using RoezanGhl.Engine.Console;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// Saving a two-way field's direction through the console's HTTP API (signed in with the key, CSRF token sent back):
/// a valid one is stored as a new version and read back; an unknown one is refused with the validator's problem for the field.
/// </summary>
[IntegrationLane]
public sealed class ConsoleDirectionApiTests : IAsyncLifetime
{
    private ConsoleApiSession _console = null!;

    public async Task InitializeAsync() => _console = await ConsoleApiSession.StartAsync(AppTestHost.Create(), "console-key-for-tests-0002");

    public async Task DisposeAsync() => await _console.DisposeAsync();

    private Task<(HttpStatusCode Status, string Body)> SaveAsync(string csrf, string version, string json) =>
        _console.SendAsync(HttpMethod.Put, $"api/accounts/{AppTestHost.AccountId}/configuration", json, csrf, $"\"{version}\"");

    [Fact]
    public async Task A_direction_saved_through_the_api_is_stored_and_an_unknown_one_is_refused_by_field()
    {
        var csrf = await _console.SignInAsync();

        var saved = await SaveAsync(csrf, "v0", """{"mapping":{"directions":{"email":"ghl-to-roezan"}}}""");
        var refused = await SaveAsync(csrf, "v1", """{"mapping":{"directions":{"email":"sideways"}}}""");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var current = await _console.App.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal(1, current.Version);
        Assert.Equal("ghl-to-roezan", current.Configuration.Mapping.Directions["email"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Mapping:directions:email", refused.Body, StringComparison.Ordinal);
    }
}
