using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Engine;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Functions.Tests.OAuth;

/// <summary>
/// The app's real DI wiring (<c>AddRoezanGhl</c>) over local settings and Azurite, with a fake clock,
/// captured logs and the token endpoint answered in-process.
/// </summary>
internal sealed class FunctionsTestHost : IDisposable
{
    public FunctionsTestHost(IDictionary<string, string?>? settings = null)
    {
        Azurite.EnsureRunning();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sync:TablePrefix"] = "T" + Guid.NewGuid().ToString("N"),
            ["GhlOAuth:LeaseContainer"] = Azurite.UniqueName("leases"),
            ["GhlOAuth:RedirectUri"] = "https://app.test/api/ghl/oauth/callback",
            ["Ghl:BaseUrl"] = "http://127.0.0.1:5081",
            ["Secrets:ghl-oauth-client-id"] = "test-client-id",
            ["Secrets:ghl-oauth-client-secret"] = "test-client-secret-1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddSingleton<TimeProvider>(Time);
        services.AddFakeLogging();
        services.AddRoezanGhl(Configuration);
        services.AddHttpClient(GhlOAuthTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Endpoint);
        Services = services.BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public CodeExchangeEndpoint Endpoint { get; } = new();

    public ServiceProvider Services { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public void Dispose()
    {
        Services.Dispose();
        Endpoint.Dispose();
    }
}
