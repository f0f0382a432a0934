using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Queues;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// The whole app in-process: the DI wiring of <c>AddRoezanGhl</c> against Azurite (a queue and
/// tables of its own) and the GHL simulator, webhooks posted to <see cref="RoezanWebhookFunction"/>, queued
/// messages moved by <see cref="QueueTestPump"/> (as the host would) to <see cref="RoezanEventProcessorFunction"/>.
/// Only the token provider (fake tokens the simulator accepts) and the secret store (in memory) are replaced.
/// </summary>
internal sealed class SyncPipeline : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string LocationId = "loc-acme";
    public const string WebhookSecret = "test-secret-1";

    private readonly ServiceProvider _services;

    private SyncPipeline(ServiceProvider services, GhlSimulatorHost simulator, FakeGhlTokenProvider tokens, string queueName, string tablePrefix)
    {
        _services = services;
        Simulator = simulator;
        Tokens = tokens;
        QueueName = queueName;
        TablePrefix = tablePrefix;
        RawQueue = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        Webhook = new RoezanWebhookFunction(services.GetRequiredService<RoezanWebhookIngestor>());
        Processor = new RoezanEventProcessorFunction(services.GetRequiredService<EventProcessor>());
        Pump = new QueueTestPump(RawQueue, HostQueueSettings.FromRepository(), DeliverAsync, retryVisibility: TimeSpan.FromSeconds(1), pollInterval: TimeSpan.FromMilliseconds(50));
    }

    public GhlSimulatorHost Simulator { get; }

    public FakeGhlTokenProvider Tokens { get; }

    public string QueueName { get; }

    public string TablePrefix { get; }

    public QueueClient RawQueue { get; }

    public RoezanWebhookFunction Webhook { get; }

    public RoezanEventProcessorFunction Processor { get; }

    public QueueTestPump Pump { get; }

    public IServiceProvider Services => _services;

    public TableClient LedgerTable => new(Azurite.ConnectionString, _services.GetRequiredService<StorageNames>().EventsTable);

    /// <summary>Settings that lift GHL's 100 requests / 10 s per location (in the client and the simulator) to measure the engine itself.</summary>
    public static Dictionary<string, string?> UnthrottledSettings => new() { ["Ghl:RateLimitMaxRequests"] = "10000" };

    public static async Task<SyncPipeline> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Azurite.EnsureRunning();
        var simulator = await GhlSimulatorHost.StartAsync(locations: [LocationId]).ConfigureAwait(false);
        var queueName = Azurite.UniqueName("events");
        var tablePrefix = "T" + Azurite.UniqueName("e")[..12];
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sync:EventsQueue"] = queueName,
            ["Sync:TablePrefix"] = tablePrefix,
            [$"Roezan:Accounts:{AccountId}:GhlLocationId"] = LocationId,
            [$"Roezan:Accounts:{AccountId}:DefaultPhoneRegion"] = "US",
            [$"Roezan:Accounts:{AccountId}:TimeZone"] = "America/New_York",
            ["Ghl:BaseUrl"] = simulator.BaseUrl.ToString(),
            ["Ghl:RetryBaseDelay"] = "00:00:00.010",
            ["Ghl:CircuitBreakerMinimumThroughput"] = "100000",
            ["Sync:Processing:LeaseWaitDelay"] = "00:00:01",
            ["Sync:Processing:ContactWaitDelay"] = "00:00:01",
            ["Sync:Processing:RateLimitDelay"] = "00:00:01",
            ["Sync:Processing:LocationAttentionDelay"] = "00:00:02",
            ["Sync:Processing:RequeueJitter"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var tokens = new FakeGhlTokenProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRoezanGhl(configuration);
        services.Replace(ServiceDescriptor.Singleton<IGhlTokenProvider>(tokens));
        services.Replace(ServiceDescriptor.Singleton<ISecretStore>(new InMemorySecretStore().With(SecretNames.RoezanWebhookSecret(AccountId), WebhookSecret)));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new SyncPipeline(provider, simulator, tokens, queueName, tablePrefix);
    }

    /// <summary>Posts a body, signed with the account's secret, to the webhook function; returns the HTTP status.</summary>
    public async Task<int> PostAsync(string body, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        context.Request.Headers[RoezanSignatureVerifier.HeaderName] = RoezanSignatureVerifier.CreateHeader(WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes);
        var result = await Webhook.RunAsync(context.Request, AccountId, cancellationToken).ConfigureAwait(false);
        return result is ContentResult { StatusCode: { } status } ? status : throw new InvalidOperationException($"Unexpected webhook result {result}.");
    }

    /// <summary>Posts every body and asserts each was accepted.</summary>
    public async Task PostAllAsync(IEnumerable<string> bodies)
    {
        foreach (var body in bodies)
        {
            var status = await PostAsync(body).ConfigureAwait(false);
            Assert.True(status is 200 or 202, $"webhook answered {status} for {body}");
        }
    }

    /// <summary>Runs the queue until it is empty and nothing is running.</summary>
    public Task DrainAsync(TimeSpan? timeout = null) => Pump.RunUntilIdleAsync(timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The ledger status of an event.</summary>
    public async Task<EventLedgerEntry> LedgerAsync(string eventId) =>
        await _services.GetRequiredService<EventLedger>().ReadAsync(AccountId, eventId, CancellationToken.None).ConfigureAwait(false);

    /// <summary>Every ledger row's status by event id.</summary>
    public async Task<Dictionary<string, string>> LedgerStatusesAsync()
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in LedgerTable.QueryAsync<TableEntity>(select: ["RowKey", "Status"]).ConfigureAwait(false))
        {
            statuses[row.RowKey] = row.GetString("Status");
        }

        return statuses;
    }

    private Task DeliverAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var message = QueuesModelFactory.QueueMessage(delivery.MessageId, "pop", BinaryData.FromString(delivery.Body), delivery.DequeueCount, insertedOn: delivery.InsertedOn);
        return Processor.RunAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await RawQueue.DeleteIfExistsAsync().ConfigureAwait(false);
        await Pump.PoisonQueue.DeleteIfExistsAsync().ConfigureAwait(false);
        var tables = new TableServiceClient(Azurite.ConnectionString);
        foreach (var table in _services.GetRequiredService<StorageNames>().Tables)
        {
            await tables.DeleteTableAsync(table).ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }
}
