using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// A <see cref="GhlContactsClient"/> wired exactly as the app wires it (<c>AddGhlContactsClient</c>),
/// pointed at a simulator, with fast retry delays unless told otherwise.
/// </summary>
public sealed class GhlTestClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GhlTestClient(ServiceProvider services)
    {
        _services = services;
        Client = services.GetRequiredService<GhlContactsClient>();
        RateLimiter = services.GetRequiredService<GhlRateLimiter>();
    }

    public GhlContactsClient Client { get; }

    public GhlRateLimiter RateLimiter { get; }

    public IServiceProvider Services => _services;

    /// <param name="baseUrl">The simulator's address.</param>
    /// <param name="tokens">Tokens; a <see cref="FakeGhlTokenProvider"/> with the simulator's default tokens when null.</param>
    /// <param name="configure">Changes to the options after the test defaults (retry base delay 20 ms).</param>
    /// <param name="logging">Adds logging providers (e.g. a FakeLoggerProvider).</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public static GhlTestClient Create(
        Uri baseUrl,
        IGhlTokenProvider? tokens = null,
        Action<GhlOptions>? configure = null,
        Action<ILoggingBuilder>? logging = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ghl:BaseUrl"] = baseUrl.ToString(),
                ["Ghl:RetryBaseDelay"] = "00:00:00.020",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            logging?.Invoke(builder);
        });
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton(tokens ?? new FakeGhlTokenProvider());
        services.AddGhlContactsClient(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new GhlTestClient(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
