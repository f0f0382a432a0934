using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.LoadHarness.Workload;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Queues;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.LoadHarness.Ours;

/// <summary>
/// Our pipeline, in-process and as the app wires it: the tests' <see cref="AppTestHost"/> with the app's own
/// retry delays and waits, pointed at the run's simulator. Each event is posted to <see cref="RoezanWebhookFunction"/>,
/// goes through Azurite's queue, and <see cref="QueueTestPump"/> delivers it the way the Functions host does
/// (host.json's batchSize, newBatchThreshold and visibilityTimeout, dequeue counts, poison queue) to
/// <see cref="RoezanEventProcessorFunction"/>, which calls the simulator through the real <c>GhlContactsClient</c>
/// (rate limiter, retries, circuit breaker). Only the token provider (tokens the simulator accepts) and the secret
/// store (in memory) are replaced, an outcome observer (<see cref="TimelineOutcomeObserver"/>) tells the run's timeline
/// when an event ended, and the pump polls an empty queue every few milliseconds instead of backing off to host.json's maxPollingInterval.
/// </summary>
internal sealed class OursSystem : ISystemUnderLoad
{
    private readonly CancellationTokenSource _stop = new();
    private RunContext? _context;
    private AppTestHost? _app;
    private Task? _consumer;
    private Task? _trace;
    private Task? _health;

    public string Key => "ours";

    public async Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        var builder = AppTestHost.Create()
            .WithGhlSimulator(context.Simulator)
            .WithAppTimings()
            .WithSettings(context.Options.Settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .WithLogging(logging => logging.ClearProviders().AddProvider(context.Diagnostics).SetMinimumLevel(LogLevel.Warning))
            .WithPump(retryVisibility: HostQueueSettings.FromRepository().VisibilityTimeout, pollInterval: context.Options.PollInterval)
            .WithServices(services =>
            {
                services.AddSingleton<IEventOutcomeObserver>(new TimelineOutcomeObserver(context.Timeline));
                if (context.Processing is not null)
                {
                    services.AddSingleton<IEventOutcomeObserver>(context.Processing);
                }

                if (context.Trace is not null)
                {
                    services.AddSingleton<IEventOutcomeObserver>(context.Trace);
                }
            });
        foreach (var location in context.Profile.HarnessLocations)
        {
            builder.WithAccount(location.AccountId, location.LocationId, location.WebhookSecret);
        }

        _app = await builder.StartAsync().ConfigureAwait(false);
        await _app.RawQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // A deployed app finds its ledger table there already; the first event of the run should not pay for creating it.
        await new TableServiceClient(Azurite.ConnectionString).CreateTableIfNotExistsAsync(_app.Names.EventsTable, cancellationToken).ConfigureAwait(false);

        await SeedLinksAsync(context.World, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _consumer = Task.Run(() => ConsumeAsync(_stop.Token), CancellationToken.None);
        if (_context?.Trace is { } trace)
        {
            _trace = Task.Run(() => trace.SampleAsync(_app!.RawQueue, _app.Get<GhlRateLimiter>(), _stop.Token), CancellationToken.None);
        }

        if (_context?.Health is { } health)
        {
            _health = Task.Run(() => health.SampleAsync(_app!.RawQueue, _stop.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task DeliverAsync(ScriptedEvent scripted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scripted);
        var context = _context ?? throw new InvalidOperationException("Not prepared.");
        var timeline = context.Timeline;
        // occurredAt is when the script says the change happened, not when this task got to post it: deliveries run
        // concurrently, so two changes of one contact a few ms apart could otherwise carry inverted times.
        var body = Encoding.UTF8.GetBytes(RoezanEventBodies.Build(scripted, timeline.Clock.Start.AddMilliseconds(scripted.OffsetMs)));
        var request = RoezanWebhookHttpRequest.Create(body, scripted.Location.WebhookSecret, timeline.Clock.UtcNow);
        var result = await _app!.Webhook.RunAsync(request, scripted.Location.AccountId, cancellationToken).ConfigureAwait(false);
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

        if (_trace is not null)
        {
            await _trace.ConfigureAwait(false);
        }

        if (_health is not null)
        {
            await _health.ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    // The known contacts as an earlier sync would have left them: identity links, last applied values, task links.
    private async Task SeedLinksAsync(SeededWorld world, CancellationToken cancellationToken)
    {
        var links = _app!.Links;
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
                await _app!.Pump.RunUntilIdleAsync(TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
                await Task.Delay(_context!.Options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
