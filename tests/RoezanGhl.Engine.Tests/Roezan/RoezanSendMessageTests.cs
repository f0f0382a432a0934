using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Roezan;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Roezan;

[IntegrationLane]
public sealed class RoezanSendMessageTests : IAsyncLifetime
{
    private const string Account = RoezanSimulatorHost.DefaultAccountId;
    private const string Phone = "+12015550121";
    private RoezanSimulatorHost _sim = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _sim = await RoezanSimulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _sim.DisposeAsync();
    }

    private RoezanApiClient Client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Roezan:Api:BaseUrl"] = _sim.ApiBaseUrl.ToString(),
            ["Roezan:Api:RetryBaseDelay"] = "00:00:00.010",
            ["Roezan:Api:MaxRetries"] = "2",
        }).Build();
        var secrets = new InMemorySecretStore().With(SecretNames.RoezanApiKey(Account), RoezanSimulatorHost.ApiKeyFor(Account));
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton<ISecretStore>(secrets).AddSingleton(TimeProvider.System);
        services.AddRoezanApiClient();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<RoezanApiClient>();
    }

    [Fact]
    public async Task A_send_posts_phone_and_text_and_returns_roezans_message_id()
    {
        var sent = await Client().SendMessageAsync(Account, Phone, "Hi Ana, see you soon.", CancellationToken.None);

        var message = Assert.Single(_sim.State.MessagesOf(Account));
        Assert.Equal((message.Id, "Hi Ana, see you soon.", Phone), (sent!.Id, message.Content, message.Phone));
        Assert.Equal("/api/integrations/message/send", Assert.Single(_sim.State.Recorded).Path);
    }

    [Fact]
    public async Task A_send_that_fails_after_roezan_applied_it_is_not_repeated_by_the_client()
    {
        var client = Client();
        _sim.Settings = _sim.Settings with { GhostWriteCount = 1 };

        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => client.SendMessageAsync(Account, Phone, "Only once, please.", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Single(_sim.State.MessagesOf(Account));
        Assert.Single(_sim.State.Recorded);
    }

    [Fact]
    public async Task The_texts_sent_to_a_contact_can_be_listed_to_settle_a_lost_answer()
    {
        var client = Client();
        _sim.Settings = _sim.Settings with { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.GatewayTimeout };
        await Assert.ThrowsAsync<RoezanApiException>(() => client.SendMessageAsync(Account, Phone, "Lost answer.", CancellationToken.None));
        _sim.Admin.ReceiveSms(Account, Phone, "an inbound reply");

        var contact = await client.FindContactByPhoneAsync(Account, Phone, CancellationToken.None);
        var outbound = await client.GetOutboundMessagesAsync(Account, contact!.Id, CancellationToken.None);

        Assert.Equal("Lost answer.", Assert.Single(outbound).Content);
        Assert.Equal("outbound", _sim.State.Recorded[^1].Query["direction"]);
    }

    [Fact]
    public async Task A_send_to_an_opted_out_number_is_refused_with_roezans_code()
    {
        var client = Client();
        _sim.Admin.OptOut(Account, Phone);

        var failure = await Assert.ThrowsAsync<RoezanApiException>(() => client.SendMessageAsync(Account, Phone, "Should not go.", CancellationToken.None));

        Assert.Equal("contact_opted_out", failure.RefusalCode);
        Assert.DoesNotContain(_sim.State.MessagesOf(Account), m => m.Content == "Should not go.");
    }

    [Fact]
    public async Task Lookups_are_still_retried_after_a_server_error()
    {
        var client = Client();
        _sim.Settings = _sim.Settings with { ServerErrorBurst = 1 };

        Assert.Null(await client.FindContactByPhoneAsync(Account, Phone, CancellationToken.None));

        Assert.Equal(2, _sim.State.Recorded.Count);
    }
}
