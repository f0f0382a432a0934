using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.TestSupport.Webhooks;

/// <summary>
/// The webhook door of the app (<see cref="AppTestHost"/>) on a fake clock and without GHL: account
/// <see cref="AccountId"/> signing with <see cref="Secret"/>, and account <c>unsigned</c> with no secret stored.
/// Disposing deletes what the app created.
/// </summary>
public sealed class RoezanWebhookRig : IAsyncDisposable
{
    public const string AccountId = RoezanSampleEvents.AccountId;
    public const string Secret = AppTestHost.WebhookSecret;

    private RoezanWebhookRig(AppTestHost host) => Host = host;

    public AppTestHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public FakeTimeProvider Time => Host.Time;

    public InMemorySecretStore Secrets => Host.Secrets;

    public FakeLogCollector Logs => Host.Logs;

    public string QueueName => Host.Names.EventsQueue;

    /// <summary>A plain-text client on the events queue: sees the raw text the trigger would have to decode.</summary>
    public QueueClient RawQueue => Host.RawQueue;

    public RoezanWebhookIngestor Ingestor => Host.Get<RoezanWebhookIngestor>();

    public EventLedger Ledger => Host.Get<EventLedger>();

    public RoezanEventQueueClient Queue => Host.Get<RoezanEventQueueClient>();

    /// <param name="configure">Runs after the app's registrations: replace a service to inject a failure.</param>
    /// <param name="settings">Extra or overriding settings (<c>Webhook:ClaimTimeout</c>, say).</param>
    public static async Task<RoezanWebhookRig> StartAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = AppTestHost.Create()
            .WithFakeTime()
            .WithoutGhlSimulator()
            .WithAccount(AccountId, AppTestHost.LocationId)
            .WithAccount("unsigned", "loc-unsigned", webhookSecret: null)
            .WithSettings(settings);
        if (configure is not null)
        {
            builder.WithServices(configure);
        }

        return new RoezanWebhookRig(await builder.StartAsync().ConfigureAwait(false));
    }

    public string Sign(string body, DateTimeOffset? at = null, string secret = Secret) => Host.Sign(body, at, secret);

    /// <summary>A request as Roezan sends it: JSON, with Content-Length, with the given signature.</summary>
    public static RoezanWebhookRequest Request(string body, string? signature, string? contentType = "application/json", bool declareLength = true) =>
        AppTestHost.Request(body, signature, contentType, declareLength);

    /// <summary>Hands a body signed now with the account's secret to the door; returns how it answered.</summary>
    public Task<RoezanIngestResult> PostAsync(string body, string accountId = AccountId) => Host.IngestAsync(body, accountId);

    /// <summary>The raw texts on the events queue (an empty list when the queue was never created).</summary>
    public Task<IReadOnlyList<string>> PeekRawAsync() => Host.PeekRawAsync();

    /// <summary>The queued events, each decoded as the host's trigger decodes it.</summary>
    public Task<IReadOnlyList<QueuedRoezanEvent>> PeekEventsAsync() => Host.PeekQueuedAsync();

    public Task<HealthReport> CheckHealthAsync() => Host.CheckHealthAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
