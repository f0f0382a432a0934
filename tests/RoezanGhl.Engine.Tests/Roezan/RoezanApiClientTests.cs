using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Roezan;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Time;

namespace RoezanGhl.Engine.Tests.Roezan;

[IntegrationLane]
public sealed class RoezanApiClientTests : IAsyncLifetime
{
    private const string Key = "test-roezan-key-1";
    private FakeRoezanServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _server = await FakeRoezanServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    private RoezanApiClient Client(TimeProvider? time = null, string? key = Key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Roezan:Api:BaseUrl"] = _server.ApiBaseUrl.ToString(),
            ["Roezan:Api:RetryBaseDelay"] = "00:00:00.010",
            ["Roezan:Api:MaxRetries"] = "1",
            ["Roezan:Api:MaxRateLimitWait"] = "00:00:30",
        }).Build();
        var secrets = new InMemorySecretStore();
        if (key is not null)
        {
            secrets.With(SecretNames.RoezanApiKey("acme"), key);
        }

        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton<ISecretStore>(secrets);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddRoezanApiClient();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<RoezanApiClient>();
    }

    [Fact]
    public async Task Inbound_messages_are_asked_for_with_the_accounts_key_and_read_from_snake_case()
    {
        var at = new DateTimeOffset(2026, 11, 24, 10, 4, 59, TimeSpan.Zero);
        _server.AddInboundMessage("c_1", "m_1", "Call me tomorrow", at);

        var messages = await Client().GetInboundMessagesAsync("acme", "c_1", CancellationToken.None);

        var message = Assert.Single(messages);
        Assert.Equal(("m_1", "Call me tomorrow", at), (message.Id, message.Content, message.CreatedAt));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/integrations/contacts/c_1/messages", request.Path);
        Assert.Contains("direction=inbound", request.Query, StringComparison.Ordinal);
        Assert.Contains("limit=100", request.Query, StringComparison.Ordinal);
        Assert.Equal(Key, request.ApiKey);
    }

    [Fact]
    public async Task A_phone_roezan_does_not_know_is_null_and_a_known_one_gives_its_contact()
    {
        _server.AddContact("c_7", "+12015550107");
        var client = Client();

        Assert.Null(await client.FindContactByPhoneAsync("acme", "+12015550199", CancellationToken.None));
        var found = await client.FindContactByPhoneAsync("acme", "+12015550107", CancellationToken.None);

        Assert.Equal(("c_7", "+12015550107"), (found!.Id, found.PhoneNumber));
        Assert.Contains("phone=%2B12015550107", _server.Requests[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_a_key_is_not_configured_and_is_never_called()
    {
        var client = Client(key: null);

        Assert.False(await client.IsConfiguredAsync("acme", CancellationToken.None));
        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => client.GetInboundMessagesAsync("acme", "c_1", CancellationToken.None));
        Assert.Contains(SecretNames.RoezanApiKey("acme"), failure.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task When_nothing_remains_the_next_call_waits_for_the_reset()
    {
        var time = new WatchedTimeProvider(DateTimeOffset.UtcNow);
        var client = Client(time);
        _server.RateLimitRemaining = 0;
        _server.RateLimitResetSeconds = 5;
        await client.GetInboundMessagesAsync("acme", "c_1", CancellationToken.None);

        var second = client.GetInboundMessagesAsync("acme", "c_1", CancellationToken.None);
        var wait = await time.WaitStartedAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9));
        time.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        Assert.Single(_server.Requests);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(5), wait);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_reset_beyond_the_wait_limit_ends_the_call_as_rate_limited_without_asking()
    {
        var client = Client(new FakeTimeProvider(DateTimeOffset.UtcNow));
        _server.RateLimitRemaining = 0;
        _server.RateLimitResetSeconds = 120;
        await client.GetInboundMessagesAsync("acme", "c_1", CancellationToken.None);

        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => client.GetInboundMessagesAsync("acme", "c_1", CancellationToken.None));

        Assert.True(failure.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_429_is_a_rate_limited_failure()
    {
        _server.ForcedStatus = 429;

        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => Client().GetInboundMessagesAsync("acme", "c_1", CancellationToken.None));

        Assert.True(failure.IsRateLimited);
    }

    [Fact]
    public async Task A_refused_key_names_the_secret_and_never_the_key()
    {
        _server.ForcedStatus = 401;

        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => Client().GetInboundMessagesAsync("acme", "c_1", CancellationToken.None));

        Assert.True(failure.IsUnauthorized);
        Assert.Contains(SecretNames.RoezanApiKey("acme"), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.ToString(), StringComparison.Ordinal);
    }
}
