using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Engine.Tests.Roezan;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Queues;

namespace RoezanGhl.Engine.Tests.Reconciliation;

/// <summary>
/// The reconciler of the app (<see cref="AppTestHost"/>) with the app's own token provider reading the
/// private-integration token the simulator accepts, and optionally a fake Roezan API; failed deliveries come back
/// after 200 ms. Adds what reconciliation tests arrange: linked contacts, edits made by hand in GHL.
/// </summary>
internal sealed class ReconcileRig : IAsyncDisposable
{
    public const string AccountId = AppTestHost.AccountId;
    public const string LocationId = AppTestHost.LocationId;
    public const string RoezanApiKey = "test-roezan-key-1";

    private ReconcileRig(AppTestHost host, FakeRoezanServer? roezan)
    {
        Host = host;
        Roezan = roezan;
    }

    public AppTestHost Host { get; }

    public GhlSimulatorHost Simulator => Host.Simulator;

    public FakeRoezanServer? Roezan { get; }

    public InMemorySecretStore Secrets => Host.Secrets;

    public FakeLogCollector Logs => Host.Logs;

    /// <summary>Plain-text clients: they see the raw text the queue trigger has to decode.</summary>
    public QueueClient RawQueue => Host.RawQueue;

    public QueueClient RawPoison => Host.RawPoison;

    public Reconciler Reconciler => Get<Reconciler>();

    public ContactLinkStore Links => Host.Links;

    public ReconcileCursorStore Cursors => Get<ReconcileCursorStore>();

    public T Get<T>()
        where T : notnull => Host.Get<T>();

    /// <param name="otherLocations">More locations the simulator accepts a token for (its token is stored too).</param>
    public static async Task<ReconcileRig> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool withRoezan = false, IReadOnlyList<string>? otherLocations = null)
    {
        var roezan = withRoezan ? await FakeRoezanServer.StartAsync().ConfigureAwait(false) : null;
        var builder = AppTestHost.Create()
            .WithAppTokenProvider()
            .WithPump(retryVisibility: TimeSpan.FromMilliseconds(200))
            // The one-way steps are tested here: a hand edit in GHL is drift to repair, not a GHL change to catch up.
            .WithSetting("Sync:ReconcileGhlChanges", "false")
            .WithSettings(settings);
        if (roezan is not null)
        {
            builder.WithSetting("Roezan:Api:BaseUrl", roezan.ApiBaseUrl.ToString()).WithSecret(SecretNames.RoezanApiKey(AccountId), RoezanApiKey);
        }

        foreach (var location in otherLocations ?? [])
        {
            builder.WithGhlLocation(location);
        }

        if (configure is not null)
        {
            builder.WithServices(configure);
        }

        try
        {
            return new ReconcileRig(await builder.StartAsync().ConfigureAwait(false), roezan);
        }
        catch when (roezan is not null)
        {
            await roezan.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<ReconcileRunSummary> RunAsync(bool dryRun = false) =>
        Reconciler.ReconcileLocationAsync(LocationId, dryRun, progress: null, CancellationToken.None);

    /// <summary>Posts a body to the webhook door, signed as Roezan signs it; returns how the door answered.</summary>
    public Task<RoezanIngestResult> PostAsync(string body) => Host.IngestAsync(body);

    /// <summary>Delivers the events queue to the processor as the host would (Base64, dequeue counts, poison after host.json's maxDequeueCount) until it is idle.</summary>
    public Task<QueueTestPump> DrainAsync() => Host.DrainAsync();

    /// <summary>The events queue's messages (or another queue's), each decoded as the queue trigger decodes it.</summary>
    public Task<IReadOnlyList<QueuedRoezanEvent>> PeekQueuedAsync(QueueClient? queue = null) => Host.PeekQueuedAsync(queue);

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
        await Host.DisposeAsync().ConfigureAwait(false);
        if (Roezan is not null)
        {
            await Roezan.DisposeAsync().ConfigureAwait(false);
        }
    }
}
