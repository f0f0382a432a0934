using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Functions.Functions;
using RoezanGhl.GhlSimulator.Webhooks;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Queues;
using Xunit;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// The app, in-process, built as the app builds itself: <c>AddRoezanGhl</c> over the sample settings against
/// Azurite (tables, queues and containers of its own) and the GHL simulator. Only what a test cannot have is
/// replaced: GHL tokens (fake ones the simulator accepts) and the secret store (in memory), each unless the test
/// asks for the app's own. Tests post signed webhooks to the function classes, let <see cref="Pump"/> move the
/// queue to the processor function as the Functions host would, and read what the app stored. Disposing deletes
/// exactly what <see cref="StorageNames"/> lists. Start one with <see cref="Create"/> (what the test changes) or <see cref="StartAsync()"/>.
/// </summary>
public sealed class AppTestHost : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string LocationId = "loc-acme";
    public const string WebhookSecret = "test-secret-1";

    private readonly ServiceProvider _services;
    private readonly GhlSimulatorHost? _simulator;
    private readonly bool _ownsSimulator;
    private readonly CapturedTelemetry? _telemetry;
    private readonly RoezanSimulatorLink? _roezan;

    internal AppTestHost(ServiceProvider services, AppTestHostBuilder builder, IReadOnlyList<TestAccount> accounts, IReadOnlyDictionary<string, string?> settings, GhlSimulatorHost? simulator, RoezanSimulatorLink? roezan = null)
    {
        _roezan = roezan;
        _services = services;
        _simulator = simulator;
        _ownsSimulator = builder.SharedSimulator is null;
        Accounts = accounts;
        Settings = settings;
        _telemetry = builder.Telemetry;
        Names = services.GetRequiredService<StorageNames>();
        // The pump reaches storage as the app does (through a fault proxy when the test put one in AzureWebJobsStorage),
        // like the host's queue listener, which uses the same account.
        var storage = settings.GetValueOrDefault("AzureWebJobsStorage") ?? Azurite.ConnectionString;
        RawQueue = PlainQueue(storage, Names.EventsQueue);
        RawPoison = PlainQueue(storage, Names.PoisonQueue);
        Pump = new QueueTestPump(RawQueue, HostQueueSettings.FromRepository(), (delivery, cancellationToken) => Processor.RunAsync(delivery.ToQueueMessage(), cancellationToken), builder.PumpRetryVisibility, builder.PumpPollInterval)
        {
            ReceiveVisibility = builder.PumpReceiveVisibility,
        };
    }

    /// <summary>A builder: the test says what it changes, then <see cref="AppTestHostBuilder.StartAsync"/>.</summary>
    public static AppTestHostBuilder Create() => new();

    /// <summary>The app as it is, with one account (<see cref="AccountId"/> → <see cref="LocationId"/>).</summary>
    public static Task<AppTestHost> StartAsync() => Create().StartAsync();

    public IReadOnlyList<TestAccount> Accounts { get; }

    /// <summary>Every setting the app was given, by configuration key (<c>Sync:TablePrefix</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _services;

    public StorageNames Names { get; }

    /// <summary>What the app logged, from Debug up (unless the test changed the logging).</summary>
    public FakeLogCollector Logs => Get<FakeLogCollector>();

    /// <summary>What the app exported (spans, metrics), with <see cref="AppTestHostBuilder.CaptureTelemetry"/>.</summary>
    public CapturedTelemetry Telemetry => _telemetry ?? throw new InvalidOperationException("This host does not capture telemetry (CaptureTelemetry).");

    public GhlSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("This host has no GHL simulator (WithoutGhlSimulator).");

    /// <summary>The Roezan simulator and the forwarder of its webhooks (<see cref="AppTestHostBuilder.WithRoezanSimulator"/>).</summary>
    public RoezanSimulatorLink Roezan => _roezan ?? throw new InvalidOperationException("This host has no Roezan simulator (WithRoezanSimulator).");

    /// <summary>The GHL simulator's webhooks into the GHL door (<see cref="AppTestHostBuilder.WithGhlSimulatorWebhooks"/>).</summary>
    public GhlWebhookLink GhlWebhooks => GhlWebhooksLink ?? throw new InvalidOperationException("This host's GHL simulator sends no webhooks (WithGhlSimulatorWebhooks).");

    internal GhlWebhookLink? GhlWebhooksLink { get; set; }

    public FakeGhlTokenProvider Tokens => Get<IGhlTokenProvider>() as FakeGhlTokenProvider ?? throw new InvalidOperationException("This host uses the app's token provider (WithAppTokenProvider).");

    public InMemorySecretStore Secrets => Get<ISecretStore>() as InMemorySecretStore ?? throw new InvalidOperationException("This host uses the app's secret store (WithAppSecretStore).");

    public FakeTimeProvider Time => Get<TimeProvider>() as FakeTimeProvider ?? throw new InvalidOperationException("This host runs on the system clock (WithFakeTime).");

    /// <summary>Plain-text clients on the events and poison queues: they see the raw text the queue trigger has to decode.</summary>
    public QueueClient RawQueue { get; }

    public QueueClient RawPoison { get; }

    /// <summary>Delivers the events queue to <see cref="Processor"/> as the Functions host does (host.json's batch, dequeue counts, poison queue).</summary>
    public QueueTestPump Pump { get; }

    public RoezanWebhookFunction Webhook => Function<RoezanWebhookFunction>();

    public GhlWebhookFunction GhlWebhook => Function<GhlWebhookFunction>();

    public RoezanEventProcessorFunction Processor => Function<RoezanEventProcessorFunction>();

    public ReconcileTimerFunction ReconcileTimer => Function<ReconcileTimerFunction>();

    public ContactLinkStore Links => Get<ContactLinkStore>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A function class with its services, as the worker activates one for each invocation.</summary>
    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>The <c>x-roezan-signature</c> header for <paramref name="body"/>: the account's secret, signed now on the app's clock unless told otherwise.</summary>
    public string Sign(string body, DateTimeOffset? at = null, string? secret = null, string? accountId = null) =>
        RoezanSignatureVerifier.CreateHeader(
            secret ?? SecretOf(accountId),
            (at ?? Get<TimeProvider>().GetUtcNow()).ToUnixTimeSeconds(),
            Encoding.UTF8.GetBytes(body));

    /// <summary>A request as Roezan sends it to the webhook door: JSON, with Content-Length, with the given signature.</summary>
    public static RoezanWebhookRequest Request(string body, string? signature, string? contentType = "application/json", bool declareLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new RoezanWebhookRequest(contentType, declareLength ? bytes.Length : null, signature, new MemoryStream(bytes));
    }

    /// <summary>Posts <paramref name="body"/>, signed as Roezan signs it, to <see cref="Webhook"/>; returns its answer.</summary>
    public async Task<ContentResult> PostAsync(string body, string? accountId = null, CancellationToken cancellationToken = default)
    {
        accountId ??= Accounts[0].AccountId;
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = "application/json";
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        request.Headers[RoezanSignatureVerifier.HeaderName] = Sign(body, accountId: accountId);
        var result = await Webhook.RunAsync(request, accountId, cancellationToken).ConfigureAwait(false);
        return result as ContentResult ?? throw new InvalidOperationException($"Unexpected webhook result {result}.");
    }

    /// <summary>
    /// Posts <paramref name="body"/> to <see cref="GhlWebhook"/> as HighLevel sends it: JSON, signed with the test run's
    /// key (<see cref="GhlWebhookSigningKey.Shared"/>) unless <paramref name="signature"/> says otherwise.
    /// </summary>
    public async Task<ContentResult> PostGhlAsync(string body, string? signature = null, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = contentType;
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        request.Headers[GhlSignatureVerifier.SignatureHeader] = signature ?? GhlWebhookSigningKey.Shared.Sign(bytes);
        var result = await GhlWebhook.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return result as ContentResult ?? throw new InvalidOperationException($"Unexpected webhook result {result}.");
    }

    /// <summary>Posts every body and asserts each was accepted.</summary>
    public async Task PostAllAsync(IEnumerable<string> bodies, string? accountId = null)
    {
        foreach (var body in bodies)
        {
            var answer = await PostAsync(body, accountId).ConfigureAwait(false);
            Assert.True(answer.StatusCode is 200 or 202, $"webhook answered {answer.StatusCode} for {body}");
        }
    }

    /// <summary>Hands a signed body to the webhook door behind the function and returns how it answered.</summary>
    public Task<RoezanIngestResult> IngestAsync(string body, string? accountId = null) =>
        Get<RoezanWebhookIngestor>().IngestAsync(accountId ?? Accounts[0].AccountId, Request(body, Sign(body, accountId: accountId)), CancellationToken.None);

    /// <summary>Runs the queue until it is empty and nothing is running (or fails after <paramref name="timeout"/>, a minute by default).</summary>
    public async Task<QueueTestPump> DrainAsync(TimeSpan? timeout = null)
    {
        await Pump.RunUntilIdleAsync(timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return Pump;
    }

    /// <summary>The raw texts on a queue (the events queue unless told), an empty list when it was never created.</summary>
    public async Task<IReadOnlyList<string>> PeekRawAsync(QueueClient? queue = null)
    {
        queue ??= RawQueue;
        if (!await queue.ExistsAsync().ConfigureAwait(false))
        {
            return [];
        }

        var peeked = await queue.PeekMessagesAsync(32).ConfigureAwait(false);
        return [.. peeked.Value.Select(message => message.MessageText)];
    }

    /// <summary>The events on a queue (the events queue unless told), each decoded as the queue trigger decodes it.</summary>
    public async Task<IReadOnlyList<QueuedRoezanEvent>> PeekQueuedAsync(QueueClient? queue = null) =>
        [.. (await PeekRawAsync(queue).ConfigureAwait(false)).Select(text => RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(text)))];

    public Task<HealthReport> CheckHealthAsync() => Get<HealthCheckService>().CheckHealthAsync();

    /// <summary>
    /// The ledger's entry for an event (a not-yet-existing one in status Queued when there is none). Every rig reads
    /// the ledger through here, so a change of the ledger's API is one change in the tests.
    /// </summary>
    public Task<EventLedgerEntry> ReadLedgerAsync(string eventId, string? accountId = null) =>
        Get<EventLedger>().ReadAsync(accountId ?? Accounts[0].AccountId, eventId, CancellationToken.None);

    /// <summary>Stores an event's ledger entry as <paramref name="change"/> makes it from the stored one: the state a test starts from.</summary>
    public async Task ArrangeLedgerAsync(string eventId, Func<EventLedgerEntry, EventLedgerEntry> change, DateTimeOffset? at = null, string? accountId = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entry = await ReadLedgerAsync(eventId, accountId).ConfigureAwait(false);
        await Get<EventLedger>().SaveAsync(change(entry), at ?? Get<TimeProvider>().GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Every ledger row's status by event id, read from the table as an operator would.</summary>
    public async Task<Dictionary<string, string>> LedgerStatusesAsync()
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        var table = new TableClient(Azurite.ConnectionString, Names.EventsTable);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey", "Status"]).ConfigureAwait(false))
        {
            statuses[row.RowKey] = row.GetString("Status");
        }

        return statuses;
    }

    public async ValueTask DisposeAsync()
    {
        var storage = Azurite.ConnectionString;
        foreach (var queue in Names.Queues)
        {
            await new QueueClient(storage, queue).DeleteIfExistsAsync().ConfigureAwait(false);
        }

        var blobs = new BlobServiceClient(storage);
        foreach (var container in Names.BlobContainers)
        {
            await blobs.GetBlobContainerClient(container).DeleteIfExistsAsync().ConfigureAwait(false);
        }

        var tables = new TableServiceClient(storage);
        foreach (var table in Names.Tables)
        {
            await tables.DeleteTableAsync(table).ConfigureAwait(false);
        }

        if (GhlWebhooksLink is not null)
        {
            await GhlWebhooksLink.DisposeAsync().ConfigureAwait(false);
        }

        if (_roezan is not null)
        {
            await _roezan.DisposeAsync().ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        if (_ownsSimulator && _simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The account's secret; as the app, the account in the URL is matched whatever its case.
    private string SecretOf(string? accountId) =>
        (accountId is null ? Accounts[0] : Accounts.FirstOrDefault(account => string.Equals(account.AccountId, accountId, StringComparison.OrdinalIgnoreCase)))?.WebhookSecret
            ?? throw new InvalidOperationException($"Account {accountId} has no webhook secret: sign with an explicit one.");

    private static QueueClient PlainQueue(string storage, string name) =>
        new(storage, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
}
