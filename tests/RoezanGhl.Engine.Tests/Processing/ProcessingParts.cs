using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// The direction-agnostic processing collaborators, built by hand over Azurite (a ledger, links table and queue of
/// their own) with a fake clock, a recording notifier and whatever appliers and observers a test gives: what the
/// finisher writes and what the coordinator reports, without GHL. Disposing deletes what it created.
/// </summary>
internal sealed class ProcessingParts : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string LocationId = "loc-acme";

    private readonly ServiceProvider _meters;
    private readonly TableServiceClient _tables;

    private ProcessingParts(StorageNames names, SyncProcessingOptions settings)
    {
        Names = names;
        Settings = settings;
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(TableRequests, HttpPipelinePosition.PerCall);
        _tables = new TableServiceClient(Azurite.ConnectionString, tableOptions);
        var queues = new QueueServiceClient(Azurite.ConnectionString, HostQueueMessageEncoding.CreateClientOptions());
        Queue = queues.GetQueueClient(names.EventsQueue);
        _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Ledger = new EventLedger(_tables, names, new StateBlobs(new BlobServiceClient(Azurite.ConnectionString), names), Time, NullLogger<EventLedger>.Instance);
        Leases = new LeaseStore(new LinksTable(_tables.GetTableClient(names.LinksTable)), Time);
        Limiter = new GhlRateLimiter(Options.Create(new GhlOptions { RateLimitMaxRequests = 2, RateLimitInterval = TimeSpan.FromSeconds(10), RateLimitSafetyMargin = TimeSpan.Zero }), Time);
        Admission = new LocationAdmission(Limiter, Options.Create(new LocationAdmissionOptions()), Time);
        Finisher = new EventFinisher(Ledger, Leases, new EventRequeue(queues, names, Options.Create(settings)), Notifier, Time, NullLogger<EventFinisher>.Instance);
        var accounts = new RoezanOptions { Accounts = { [AccountId] = new RoezanAccountOptions { GhlLocationId = LocationId } } };
        Reader = new EventDeliveryReader(
            new RoezanEventQueueClient(queues, new BlobServiceClient(Azurite.ConnectionString), names),
            Ledger,
            Options.Create(accounts),
            Options.Create(settings),
            Time,
            NullLogger<EventDeliveryReader>.Instance);
    }

    /// <summary>Every table request the parts send (the ledger's and the leases'), to count what a delivery costs.</summary>
    public StorageRequestLog TableRequests { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public StorageNames Names { get; }

    public SyncProcessingOptions Settings { get; }

    public EventLedger Ledger { get; }

    public LeaseStore Leases { get; }

    public EventFinisher Finisher { get; }

    public EventDeliveryReader Reader { get; }

    /// <summary>GHL's limiter as the admission reads it: 2 calls per 10 s per location, so that a test spends it in two.</summary>
    public GhlRateLimiter Limiter { get; }

    public LocationAdmission Admission { get; }

    public RecordingNotifier Notifier { get; } = new();

    /// <summary>The events queue, written as the app writes it.</summary>
    public QueueClient Queue { get; }

    public IMeterFactory Meters => _meters.GetRequiredService<IMeterFactory>();

    public static async Task<ProcessingParts> StartAsync(SyncProcessingOptions? options = null)
    {
        Azurite.EnsureRunning();
        var names = new StorageNames("T" + Azurite.UniqueName("p")[..12], Azurite.UniqueName("proc"), StorageNames.DefaultLeaseContainer);
        var parts = new ProcessingParts(names, options ?? new SyncProcessingOptions { RequeueJitter = TimeSpan.Zero });
        await parts.Queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return parts;
    }

    /// <summary>The coordinator over these parts with <paramref name="appliers"/> and <paramref name="observers"/>.</summary>
    public EventProcessor Processor(IEnumerable<IEventApplier> appliers, params IEventOutcomeObserver[] observers)
    {
        var reporter = new EventOutcomeReporter(observers, Meters, Time, NullLogger<EventOutcomeReporter>.Instance);
        return new EventProcessor(Reader, appliers, Finisher, new DeliveryGate(Admission, Options.Create(Settings), NullLogger<DeliveryGate>.Instance), reporter, NullLogger<EventProcessor>.Instance);
    }

    /// <summary>A queue message body for an event of <paramref name="accountId"/> in <paramref name="direction"/>.</summary>
    public BinaryData Message(string eventId, string accountId = AccountId, SyncDirection? direction = null)
    {
        direction ??= SyncDirection.RoezanToGhl;
        return RoezanEventQueueClient.Serialize(new QueuedRoezanEvent
        {
            AccountId = accountId,
            AcceptedAt = Time.GetUtcNow(),
            Event = new RoezanEvent { Id = eventId, Type = RoezanEventTypes.NoteCreated, OccurredAt = Time.GetUtcNow() },
            Source = direction == SyncDirection.RoezanToGhl ? null : direction.Source,
            Target = direction == SyncDirection.RoezanToGhl ? null : direction.Target,
        });
    }

    /// <summary>A delivery of <paramref name="eventId"/> with its ledger entry read, as the coordinator hands it on.</summary>
    public async Task<EventDelivery> DeliveryAsync(string eventId, long dequeueCount = 1)
    {
        var delivery = await Reader.ReadMessageAsync(Message(eventId), dequeueCount, CancellationToken.None).ConfigureAwait(false);
        await Reader.ReadEntryAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        return delivery;
    }

    /// <summary>Messages on the events queue, visible or not.</summary>
    public async Task<int> QueuedCountAsync() => (await Queue.GetPropertiesAsync().ConfigureAwait(false)).Value.ApproximateMessagesCount;

    public async ValueTask DisposeAsync()
    {
        await Queue.DeleteIfExistsAsync().ConfigureAwait(false);
        foreach (var table in Names.Tables)
        {
            await _tables.DeleteTableAsync(table).ConfigureAwait(false);
        }

        await _meters.DisposeAsync().ConfigureAwait(false);
        Limiter.Dispose();
    }

    /// <summary>Keeps every notice it is given.</summary>
    public sealed class RecordingNotifier : IFailureNotifier
    {
        private readonly ConcurrentQueue<FailureNotice> _notices = new();

        public IReadOnlyList<FailureNotice> Notices => [.. _notices];

        public void Notify(FailureNotice notice) => _notices.Enqueue(notice);
    }
}
