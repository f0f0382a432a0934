using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.OAuth;

/// <summary>
/// The app (<see cref="AppTestHost"/>) as an OAuth app runs: its own token provider and secret store (the client
/// id and secret in local settings, no location token until one is installed), a fake clock, the token endpoint
/// answered in-process by <see cref="Endpoint"/>, and no GHL simulator (<c>Ghl:BaseUrl</c> is the sample's). Its
/// account feeds the location the endpoint installs unless the test names another.
/// </summary>
internal sealed class FunctionsTestHost : IAsyncDisposable
{
    private FunctionsTestHost(AppTestHost host, CodeExchangeEndpoint endpoint)
    {
        Host = host;
        Endpoint = endpoint;
    }

    public AppTestHost Host { get; }

    public CodeExchangeEndpoint Endpoint { get; }

    public IServiceProvider Services => Host.Services;

    public FakeTimeProvider Time => Host.Time;

    public FakeLogCollector Logs => Host.Logs;

    /// <param name="settings">Settings the test changes (a null value removes one).</param>
    /// <param name="validateOnStart">False for a test that reads a bad setting after the app was built.</param>
    /// <param name="accountLocationId">The GHL location the account feeds (the one the endpoint installs unless told).</param>
    public static async Task<FunctionsTestHost> StartAsync(IDictionary<string, string?>? settings = null, bool validateOnStart = true, string accountLocationId = CodeExchangeEndpoint.LocationId)
    {
        var endpoint = new CodeExchangeEndpoint();
        var builder = AppTestHost.Create()
            .WithAccount(AppTestHost.AccountId, accountLocationId)
            .WithFakeTime(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero))
            .WithoutGhlSimulator()
            .WithAppTokenProvider()
            .WithAppSecretStore()
            .WithSetting("GhlOAuth:RedirectUri", "https://app.test/api/ghl/oauth/callback")
            .WithSecret(SecretNames.GhlOAuthClientId, "test-client-id")
            .WithSecret(SecretNames.GhlOAuthClientSecret, "test-client-secret-1")
            .WithSettings(settings)
            .WithServices(services => services.AddHttpClient(GhlOAuthTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoint));
        if (!validateOnStart)
        {
            builder.WithoutStartValidation();
        }

        try
        {
            return new FunctionsTestHost(await builder.StartAsync(), endpoint);
        }
        catch
        {
            endpoint.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Endpoint.Dispose();
    }
}
