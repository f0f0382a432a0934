using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.LoadHarness.Workload;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Queues;
using RoezanGhl.TestSupport.Webhooks;
using RoezanGhl.TestSupport;

namespace RoezanGhl.LoadHarness.Ours;

/// <summary>
/// Our pipeline, in-process and as the app wires it (<c>AddRoezanGhl</c> with the app's default
/// settings): each event is posted to <see cref="RoezanWebhookFunction"/>, goes through Azurite's queue, and
/// <see cref="QueueTestPump"/> delivers it the way the Functions host does (host.json's batchSize and
/// newBatchThreshold, dequeue counts, poison queue) to <see cref="RoezanEventProcessorFunction"/>, which calls
/// the simulator through the real <c>GhlContactsClient</c> (rate limiter, retries, circuit breaker). Only the
/// token provider (tokens the simulator accepts) and the secret store (in memory) are replaced, and the pump
/// polls an empty queue every few milliseconds instead of backing off to host.json's maxPollingInterval.
/// </summary>
internal sealed class OursSystem : ISystemUnderLoad
{
    private readonly CancellationTokenSource _stop = new();
    private RunContext? _context;
    private ServiceProvider? _services;
    private RoezanWebhookFunction? _webhook;
    private RoezanEventProcessorFunction? _processor;
    private QueueClient? _rawQueue;
    private QueueTestPump? _pump;
    private Task? _consumer;
    private string _tablePrefix = "";

    public string Key => "ours";

    public async Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        Azurite.EnsureRunning();
        var queueName = Azurite.UniqueName("bench");
        _tablePrefix = "B" + Azurite.UniqueName("h")[..12];
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Sync:EventsQueue"] = queueName,
            ["Sync:TablePrefix"] = _tablePrefix,
            ["Ghl:BaseUrl"] = context.Simulator.BaseUrl.ToString(),
        };
        foreach (var location in context.Profile.HarnessLocations)
        {
            values[$"Roezan:Accounts:{location.AccountId}:GhlLocationId"] = location.LocationId;
            values[$"Roezan:Accounts:{location.AccountId}:DefaultPhoneRegion"] = "US";
            values[$"Roezan:Accounts:{location.AccountId}:TimeZone"] = "America/New_York";
        }

        foreach (var (key, value) in context.Options.Settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var secrets = new InMemorySecretStore();
        foreach (var location in context.Profile.HarnessLocations)
        {
            secrets.With(SecretNames.RoezanWebhookSecret(location.AccountId), location.WebhookSecret);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.ClearProviders().AddProvider(context.Diagnostics).SetMinimumLevel(LogLevel.Warning));
        services.AddRoezanGhl(configuration);
        services.Replace(ServiceDescriptor.Singleton<IGhlTokenProvider>(new FakeGhlTokenProvider()));
        services.Replace(ServiceDescriptor.Singleton<ISecretStore>(secrets));
        services.AddSingleton<IEventOutcomeObserver>(new TimelineOutcomeObserver(context.Timeline));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        _webhook = new RoezanWebhookFunction(_services.GetRequiredService<RoezanWebhookIngestor>());
        _processor = new RoezanEventProcessorFunction(_services.GetRequiredService<EventProcessor>());
        _rawQueue = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await _rawQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // A deployed app finds its ledger table there already; the first event of the run should not pay for creating it.
        await new TableServiceClient(Azurite.ConnectionString).CreateTableIfNotExistsAsync(_services.GetRequiredService<StorageNames>().EventsTable, cancellationToken).ConfigureAwait(false);
        _pump = new QueueTestPump(_rawQueue, HostQueueSettings.FromRepository(), DeliverToFunctionAsync, pollInterval: context.Options.PollInterval);

        await SeedLinksAsync(context.World, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _consumer = Task.Run(() => ConsumeAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task DeliverAsync(ScriptedEvent scripted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scripted);
        var context = _context ?? throw new InvalidOperationException("Not prepared.");
        var timeline = context.Timeline;
        var body = Encoding.UTF8.GetBytes(RoezanEventBodies.Build(scripted, timeline.Clock.UtcNow));
        var request = RoezanWebhookHttpRequest.Create(body, scripted.Location.WebhookSecret, timeline.Clock.UtcNow);
        var result = await _webhook!.RunAsync(request, scripted.Location.AccountId, cancellationToken).ConfigureAwait(false);
        if (result is ContentResult { StatusCode: 202 })
        {
            timeline.MarkAccepted(scripted);
        }
        else
        {
            timeline.MarkRejected(scripted, result is ContentResult content ? $"webhook answered {content.StatusCode}: {content.Content}" : $"webhook answered {result}");
        }
    }

    public async Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var timeline = _context!.Timeline;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            while (!timeline.AllSettled)
            {
                if (_consumer is { IsFaulted: true })
                {
                    await _consumer.ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Not drained within the limit: what is left counts as lost.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_consumer is not null)
        {
            try
            {
                await _consumer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        if (_rawQueue is not null)
        {
            await _rawQueue.DeleteIfExistsAsync().ConfigureAwait(false);
            await _pump!.PoisonQueue.DeleteIfExistsAsync().ConfigureAwait(false);
            var tables = new TableServiceClient(Azurite.ConnectionString);
            foreach (var table in _services!.GetRequiredService<StorageNames>().Tables)
            {
                await tables.DeleteTableAsync(table).ConfigureAwait(false);
            }
        }

        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    // The known contacts as an earlier sync would have left them: identity links, last applied values, task links.
    private async Task SeedLinksAsync(SeededWorld world, CancellationToken cancellationToken)
    {
        var links = _services!.GetRequiredService<ContactLinkStore>();
        var seededAt = _context!.Timeline.Clock.UtcNow.AddDays(-1);
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(world.All.Select(async contact =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var location = contact.Location;
                var fields = new ContactFields { FirstName = contact.FirstName, LastName = contact.LastName, Phone = contact.Phone, Email = contact.Email, Tags = ["customer"] };
                await links.RecordContactAsync(
                    location.LocationId,
                    location.AccountId,
                    contact.GhlContactId!,
                    new ContactIdentity { RoezanContactId = contact.RoezanContactId, Phone = contact.Phone, Email = contact.Email },
                    new ContactSnapshot { GhlContactId = contact.GhlContactId!, Fields = fields, LastOccurredAt = seededAt, LastEventId = "seed" },
                    "seed",
                    cancellationToken).ConfigureAwait(false);
                await links.RecordTaskAsync(
                    location.LocationId,
                    location.AccountId,
                    contact.RoezanTaskId,
                    new TaskSnapshot
                    {
                        GhlTaskId = contact.GhlTaskId!,
                        GhlContactId = contact.GhlContactId!,
                        Fields = new TaskFields { Title = contact.TaskTitle, Body = contact.TaskBody, DueDate = contact.TaskDueDate, Completed = false },
                        LastOccurredAt = seededAt,
                    },
                    "seed",
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    // The host keeps polling while the app runs; the pump returns whenever the queue is empty, so it is run again.
    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _pump!.RunUntilIdleAsync(TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
                await Task.Delay(_context!.Options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private Task DeliverToFunctionAsync(QueueDelivery delivery, CancellationToken cancellationToken) =>
        _processor!.RunAsync(delivery.ToQueueMessage(), cancellationToken);
}
