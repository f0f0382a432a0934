using System.Text.Json.Nodes;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Storage.Tests.Queueing;

/// <summary>What we write is what the host's queue trigger reads.</summary>
public class HostQueueMessageEncodingTests
{
    [Fact]
    public void The_writer_encoding_is_the_one_host_json_tells_the_trigger_to_decode()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")))!;
        var configured = (string?)hostJson["extensions"]?["queues"]?["messageEncoding"];

        Assert.Equal(HostQueueMessageEncoding.HostJsonValue, configured);
        Assert.Equal(HostQueueMessageEncoding.Encoding, HostQueueMessageEncoding.FromHostJson(configured));
        Assert.Equal(HostQueueMessageEncoding.Encoding, HostQueueMessageEncoding.CreateClientOptions().MessageEncoding);
    }

    [Fact]
    public void The_function_app_ships_the_root_host_json()
    {
        var csproj = File.ReadAllText(RepositoryRoot.Combine("src", "RoezanGhl.Functions", "RoezanGhl.Functions.csproj"));
        Assert.Contains(@"Include=""..\..\host.json""", csproj, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, QueueMessageEncoding.Base64)]
    [InlineData("base64", QueueMessageEncoding.Base64)]
    [InlineData("Base64", QueueMessageEncoding.Base64)]
    [InlineData("none", QueueMessageEncoding.None)]
    public void The_hosts_rule_is_base64_unless_host_json_says_none(string? setting, QueueMessageEncoding expected) =>
        Assert.Equal(expected, HostQueueMessageEncoding.FromHostJson(setting));

    [Fact]
    public void Plain_json_text_is_not_what_a_base64_trigger_can_decode()
    {
        Assert.ThrowsAny<FormatException>(() => HostQueueMessageEncoding.DecodeAsTrigger("""{"accountId":"acme"}"""));
        Assert.Equal("hi", HostQueueMessageEncoding.DecodeAsTrigger("aGk=").ToString());
        Assert.Equal("hi", HostQueueMessageEncoding.DecodeAsTrigger("hi", "none").ToString());
    }

    [IntegrationLane]
    [Fact]
    public async Task The_apps_queue_client_writes_base64_that_a_plain_reader_decodes_as_the_trigger_does()
    {
        Azurite.EnsureRunning();
        var queueName = Azurite.UniqueName("enc");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sync:EventsQueue"] = queueName,
        }).Build();
        await using var services = new ServiceCollection().AddRoezanStorage(configuration).BuildServiceProvider();
        var appQueue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName);
        var raw = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await appQueue.CreateAsync();
        try
        {
            await appQueue.SendMessageAsync(BinaryData.FromString("""{"hello":"trigger"}"""));

            var text = (await raw.PeekMessageAsync()).Value.Body.ToString();

            Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"hello":"trigger"}""")), text);
            Assert.Equal("""{"hello":"trigger"}""", HostQueueMessageEncoding.DecodeAsTrigger(text).ToString());
        }
        finally
        {
            await raw.DeleteIfExistsAsync();
        }
    }

    [IntegrationLane]
    [Fact]
    public async Task A_queued_event_read_raw_from_azurite_and_base64_decoded_is_the_event()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var evt = new QueuedRoezanEvent
        {
            AccountId = "acme",
            AcceptedAt = rig.Time.GetUtcNow(),
            Event = new RoezanEvent { Id = "evt_q1", Type = RoezanEventTypes.NoteCreated, OccurredAt = rig.Time.GetUtcNow(), Data = new RoezanEventData { Note = new RoezanNote { Id = "n", ContactId = "c", Body = "Zoë 😀" } } },
        };

        await rig.Queue.EnqueueAsync(evt, CancellationToken.None);

        var raw = Assert.Single(await rig.PeekRawAsync());
        Assert.DoesNotContain("{", raw, StringComparison.Ordinal);
        var decoded = RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(raw));
        Assert.Equal(("acme", "evt_q1", "Zoë 😀", evt.AcceptedAt), (decoded.AccountId, decoded.Event.Id, decoded.Event.Data!.Note!.Body, decoded.AcceptedAt));
    }
}
