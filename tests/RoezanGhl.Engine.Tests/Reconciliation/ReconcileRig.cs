using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Engine.Tests.Roezan;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Queues;

namespace RoezanGhl.Engine.Tests.Reconciliation;

/// <summary>
/// The reconciler wired as the app wires it (<c>AddRoezanGhl</c>, the real
/// token provider reading a Private Integration token the simulator accepts) against Azurite (queue, tables and
/// lease container of its own) and the GHL simulator, with an optional fake Roezan API. Only the secret store is
/// in memory. Disposing deletes what it created.
/// </summary>
internal sealed class ReconcileRig : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string LocationId = "loc-acme";
    public const string WebhookSecret = "test-secret-1";
    public const string RoezanApiKey = "test-roezan-key-1";

    private readonly ServiceProvider _services;

    private ReconcileRig(ServiceProvider services, GhlSimulatorHost simulator, FakeRoezanServer? roezan, InMemorySecretStore secrets, FakeLogCollector logs, string queueName, string tablePrefix, string leaseContainer)
    {
        _services = services;
        Simulator = simulator;
        Roezan = roezan;
        Secrets = secrets;
        Logs = logs;
        QueueName = queueName;
        TablePrefix = tablePrefix;
        LeaseContainer = leaseContainer;
        RawQueue = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        RawPoison = new QueueClient(Azurite.ConnectionString, queueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    public GhlSimulatorHost Simulator { get; }

    public FakeRoezanServer? Roezan { get; }

    public InMemorySecretStore Secrets { get; }

    public FakeLogCollector Logs { get; }

    public string QueueName { get; }

    public string TablePrefix { get; }

    public string LeaseContainer { get; }

    /// <summary>Plain-text clients: they see the raw text the queue trigger has to decode.</summary>
    public QueueClient RawQueue { get; }

    public QueueClient RawPoison { get; }

    public IServiceProvider Services => _services;

    public Reconciler Reconciler => Get<Reconciler>();

    public ContactLinkStore Links => Get<ContactLinkStore>();

    public ReconcileCursorStore Cursors => Get<ReconcileCursorStore>();

    public EventLedger Ledger => Get<EventLedger>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <param name="otherLocations">More locations the simulator accepts a token for (its secret is stored too).</param>
    public static async Task<ReconcileRig> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool withRoezan = false, IReadOnlyList<string>? otherLocations = null)
    {
        Azurite.EnsureRunning();
        var simulator = await GhlSimulatorHost.StartAsync(locations: [LocationId, .. otherLocations ?? []]).ConfigureAwait(false);
        var roezan = withRoezan ? await FakeRoezanServer.StartAsync().ConfigureAwait(false) : null;
        var queueName = Azurite.UniqueName("rec");
        var tablePrefix = "T" + Azurite.UniqueName("r")[..12];
        var leaseContainer = Azurite.UniqueName("lease");
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
            ["GhlOAuth:LeaseContainer"] = leaseContainer,
            ["Roezan:Api:BaseUrl"] = roezan?.ApiBaseUrl.ToString() ?? "http://127.0.0.1:9/api",
            ["Roezan:Api:RetryBaseDelay"] = "00:00:00.010",
            ["Roezan:Api:MaxRetries"] = "1",
            ["Sync:Processing:LeaseWaitDelay"] = "00:00:01",
            ["Sync:Processing:ContactWaitDelay"] = "00:00:01",
            ["Sync:Processing:RequeueJitter"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var secrets = new InMemorySecretStore()
            .With(SecretNames.RoezanWebhookSecret(AccountId), WebhookSecret)
            .With(SecretNames.GhlToken(LocationId), GhlSimulatorHost.TokenFor(LocationId));
        if (withRoezan)
        {
            secrets.With(SecretNames.RoezanApiKey(AccountId), RoezanApiKey);
        }

        foreach (var location in otherLocations ?? [])
        {
            secrets.With(SecretNames.GhlToken(location), GhlSimulatorHost.TokenFor(location));
        }

        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddRoezanGhl(configuration);
        services.Replace(ServiceDescriptor.Singleton<ISecretStore>(secrets));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new ReconcileRig(provider, simulator, roezan, secrets, logs, queueName, tablePrefix, leaseContainer);
    }

    public Task<ReconcileRunSummary> RunAsync(bool dryRun = false) =>
        Reconciler.ReconcileLocationAsync(LocationId, dryRun, progress: null, CancellationToken.None);

    /// <summary>Posts a body to the webhook door, signed as Roezan signs it; returns how the door answered.</summary>
    public Task<RoezanIngestResult> PostAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = RoezanSignatureVerifier.CreateHeader(WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes);
        return Get<RoezanWebhookIngestor>().IngestAsync(AccountId, new RoezanWebhookRequest("application/json", bytes.Length, signature, new MemoryStream(bytes)), CancellationToken.None);
    }

    /// <summary>Delivers the events queue to the processor as the host would (Base64, dequeue counts, poison after host.json's maxDequeueCount) until it is idle.</summary>
    public async Task<QueueTestPump> DrainAsync()
    {
        var processor = Get<EventProcessor>();
        var pump = new QueueTestPump(
            RawQueue,
            HostQueueSettings.FromRepository(),
            (delivery, cancellationToken) => processor.ProcessAsync(BinaryData.FromString(delivery.Body), delivery.DequeueCount, cancellationToken),
            retryVisibility: TimeSpan.FromMilliseconds(200),
            pollInterval: TimeSpan.FromMilliseconds(50));
        await pump.RunUntilIdleAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return pump;
    }

    /// <summary>The events queue's messages, each decoded as the queue trigger decodes it.</summary>
    public async Task<IReadOnlyList<QueuedRoezanEvent>> PeekQueuedAsync(QueueClient? queue = null)
    {
        queue ??= RawQueue;
        if (!await queue.ExistsAsync().ConfigureAwait(false))
        {
            return [];
        }

        var peeked = await queue.PeekMessagesAsync(32).ConfigureAwait(false);
        return [.. peeked.Value.Select(message => RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(message.MessageText)))];
    }

    /// <summary>A GHL contact holding <paramref name="state"/>, linked to Roezan contact <paramref name="roezanId"/> with that state recorded.</summary>
    public async Task<string> LinkContactAsync(string roezanId, ContactFields state)
    {
        var seed = new JsonObject
        {
            ["firstName"] = state.FirstName,
            ["lastName"] = state.LastName,
            ["email"] = state.Email,
            ["phone"] = state.Phone,
            ["tags"] = new JsonArray([.. state.Tags.Select(tag => (JsonNode)JsonValue.Create(tag))]),
            ["customFields"] = new JsonArray([.. state.CustomFields.Select(field => (JsonNode)new JsonObject { ["id"] = field.Key, ["field_value"] = field.Value })]),
        };
        var ghlId = (string)Simulator.State.SeedContact(LocationId, seed)["id"]!;
        await RecordLinkAsync(roezanId, ghlId, state).ConfigureAwait(false);
        return ghlId;
    }

    /// <summary>Records the link and last state only (the GHL side is the test's to arrange).</summary>
    public Task RecordLinkAsync(string roezanId, string ghlId, ContactFields state)
    {
        var identity = new ContactIdentity { RoezanContactId = roezanId, Phone = state.Phone, Email = state.Email };
        var snapshot = new ContactSnapshot { GhlContactId = ghlId, Fields = state, LastOccurredAt = DateTimeOffset.UtcNow.AddHours(-1), LastEventId = "evt_seed_" + roezanId };
        return Links.RecordContactAsync(LocationId, AccountId, ghlId, identity, snapshot, snapshot.LastEventId, CancellationToken.None);
    }

    public static ContactFields Person(int n, params string[] tags) => new()
    {
        FirstName = "Ana" + n,
        LastName = "Diaz",
        Email = $"ana{n}@example.com",
        Phone = $"+1201555{n:0000}",
        Tags = tags,
    };

    public JsonObject? GhlContact(string ghlId) =>
        Simulator.State.ContactsOf(LocationId).SingleOrDefault(contact => (string?)contact["id"] == ghlId);

    /// <summary>A person's edit in GHL's UI (no limits, no recording).</summary>
    public void EditInGhl(string ghlId, JsonObject changes)
    {
        var answer = Simulator.State.UpdateContact(null, ghlId, changes);
        Assert.True(answer.Status == 200, $"the simulator refused the edit: {answer.Status}");
    }

    /// <summary>The GHL requests recorded so far with this method and path.</summary>
    public IReadOnlyList<GhlSimulator.State.RecordedRequest> Requests(string method, string path) =>
        [.. Simulator.State.Recorded.Where(request => request.Method == method && request.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await RawQueue.DeleteIfExistsAsync().ConfigureAwait(false);
        await RawPoison.DeleteIfExistsAsync().ConfigureAwait(false);
        var names = _services.GetRequiredService<StorageNames>();
        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        foreach (var container in names.BlobContainers)
        {
            await blobs.GetBlobContainerClient(container).DeleteIfExistsAsync().ConfigureAwait(false);
        }

        var tables = new TableServiceClient(Azurite.ConnectionString);
        foreach (var table in names.Tables)
        {
            await tables.DeleteTableAsync(table).ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        if (Roezan is not null)
        {
            await Roezan.DisposeAsync().ConfigureAwait(false);
        }

        await Simulator.DisposeAsync().ConfigureAwait(false);
    }
}
