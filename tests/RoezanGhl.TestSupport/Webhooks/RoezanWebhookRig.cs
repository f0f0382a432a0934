using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.TestSupport.Webhooks;

/// <summary>
/// The webhook door wired as the app wires it (the storage, accounts and intake areas of <c>AddRoezanGhl</c>)
/// against Azurite, with a queue, table prefix and container of its own, a fake clock, an in-memory secret store
/// and a fake logger. Disposing deletes what it created.
/// </summary>
public sealed class RoezanWebhookRig : IAsyncDisposable
{
    public const string AccountId = RoezanSampleEvents.AccountId;
    public const string Secret = "test-secret-1";

    private RoezanWebhookRig(ServiceProvider services, FakeTimeProvider time, InMemorySecretStore secrets, FakeLogCollector logs, string queueName, string tablePrefix)
    {
        Services = services;
        Time = time;
        Secrets = secrets;
        Logs = logs;
        QueueName = queueName;
        TablePrefix = tablePrefix;
        RawQueue = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public InMemorySecretStore Secrets { get; }

    public FakeLogCollector Logs { get; }

    public string QueueName { get; }

    public string TablePrefix { get; }

    /// <summary>A plain-text client on the events queue: sees the raw text the trigger would have to decode.</summary>
    public QueueClient RawQueue { get; }

    public RoezanWebhookIngestor Ingestor => Services.GetRequiredService<RoezanWebhookIngestor>();

    public EventLedger Ledger => Services.GetRequiredService<EventLedger>();

    public RoezanEventQueueClient Queue => Services.GetRequiredService<RoezanEventQueueClient>();

    /// <param name="configure">Runs after the app's registrations: replace a service to inject a failure.</param>
    /// <param name="settings">Extra or overriding settings (<c>Webhook:ClaimTimeout</c>, say).</param>
    public static RoezanWebhookRig Create(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        Azurite.EnsureRunning();
        var queueName = Azurite.UniqueName("events");
        var tablePrefix = "T" + Azurite.UniqueName("w");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sync:EventsQueue"] = queueName,
            ["Sync:TablePrefix"] = tablePrefix,
            [$"Roezan:Accounts:{AccountId}:GhlLocationId"] = "loc-acme",
            [$"Roezan:Accounts:{AccountId}:DefaultPhoneRegion"] = "US",
            [$"Roezan:Accounts:{AccountId}:TimeZone"] = "America/New_York",
            ["Roezan:Accounts:unsigned:GhlLocationId"] = "loc-unsigned",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 30, TimeSpan.Zero));
        var secrets = new InMemorySecretStore().With(SecretNames.RoezanWebhookSecret(AccountId), Secret);
        var logs = new FakeLogCollector();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ISecretStore>(secrets);
        services.AddRoezanStorage(configuration);
        services.AddRoezanAccounts();
        services.AddRoezanIntake();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new RoezanWebhookRig(provider, time, secrets, logs, queueName, tablePrefix);
    }

    public string Sign(string body, DateTimeOffset? at = null, string secret = Secret) =>
        RoezanSignatureVerifier.CreateHeader(secret, (at ?? Time.GetUtcNow()).ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));

    /// <summary>A request as Roezan sends it: JSON, with Content-Length, signed now with the account's secret.</summary>
    public static RoezanWebhookRequest Request(string body, string? signature, string? contentType = "application/json", bool declareLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new RoezanWebhookRequest(contentType, declareLength ? bytes.Length : null, signature, new MemoryStream(bytes));
    }

    public Task<RoezanIngestResult> PostAsync(string body, string accountId = AccountId) =>
        Ingestor.IngestAsync(accountId, Request(body, Sign(body)), CancellationToken.None);

    /// <summary>The raw texts on the events queue (an empty list when the queue was never created).</summary>
    public async Task<IReadOnlyList<string>> PeekRawAsync()
    {
        if (!await RawQueue.ExistsAsync().ConfigureAwait(false))
        {
            return [];
        }

        var peeked = await RawQueue.PeekMessagesAsync(32).ConfigureAwait(false);
        return [.. peeked.Value.Select(m => m.Body.ToString())];
    }

    /// <summary>The queued events, each decoded as the host's trigger decodes it.</summary>
    public async Task<IReadOnlyList<QueuedRoezanEvent>> PeekEventsAsync()
    {
        var raw = await PeekRawAsync().ConfigureAwait(false);
        return [.. raw.Select(text => RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(text)))];
    }

    public Task<HealthReport> CheckHealthAsync() => Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    public async ValueTask DisposeAsync()
    {
        var storage = Azurite.ConnectionString;
        var names = Services.GetRequiredService<StorageNames>();
        await RawQueue.DeleteIfExistsAsync().ConfigureAwait(false);
        await new TableServiceClient(storage).GetTableClient(names.EventsTable).DeleteAsync().ConfigureAwait(false);
        await new BlobServiceClient(storage).GetBlobContainerClient(names.PayloadsContainer).DeleteIfExistsAsync().ConfigureAwait(false);
        await Services.DisposeAsync().ConfigureAwait(false);
    }
}
