using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>One instance of the app in a test: its own secret cache and token provider over the shared world.</summary>
internal sealed class TokenHost
{
    public TokenHost(TokenWorld world, TimeSpan cacheDuration, ITokenRefreshLock refreshLock, ILocationStatusStore statuses)
    {
        var options = Options.Create(world.OAuth);
        Secrets = new CachingSecretStore(world.Store, cacheDuration, world.Time);
        TokenClient = new GhlOAuthTokenClient(new FakeHttpClientFactory(world.Endpoint), options);
        Provider = new GhlTokenProvider(new GhlLocationTokenStore(Secrets, refreshLock, statuses), TokenClient, options, world.Time, new FakeLogger<GhlTokenProvider>(world.Logs));
    }

    public CachingSecretStore Secrets { get; }

    public GhlOAuthTokenClient TokenClient { get; }

    public GhlTokenProvider Provider { get; }
}
