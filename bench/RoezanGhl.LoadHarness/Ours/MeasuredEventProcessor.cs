using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Processing;
using RoezanGhl.LoadHarness.Measurement;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.LoadHarness.Ours;

/// <summary>
/// The app's <see cref="RoezanEventProcessor"/>, unchanged, that also tells the run's timeline when a delivery
/// ended an event (applied, skipped, failed or conflict): the "applied" end of the end-to-end latency. A
/// delivery that put the event back on the queue, or threw for the host to retry, is not an end.
/// </summary>
internal sealed class MeasuredEventProcessor(
    RoezanEventQueueClient queue,
    EventLedger ledger,
    ContactLinkStore links,
    LeaseStore leases,
    GhlStepExecutor executor,
    IPlanningProfileSource profiles,
    EventRequeue requeue,
    IFailureNotifier notifier,
    IOptions<RoezanOptions> accounts,
    IOptions<SyncProcessingOptions> options,
    TimeProvider time,
    ILogger<RoezanEventProcessor> logger,
    EventTimeline timeline)
    : RoezanEventProcessor(queue, ledger, links, leases, executor, profiles, requeue, notifier, accounts, options, time, logger)
{
    private readonly int _maxDequeueCount = options?.Value.MaxDequeueCount ?? throw new ArgumentNullException(nameof(options));

    public override async Task<ProcessingOutcome> ProcessAsync(BinaryData messageBody, long dequeueCount, CancellationToken cancellationToken)
    {
        ProcessingOutcome outcome;
        try
        {
            outcome = await base.ProcessAsync(messageBody, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (dequeueCount >= _maxDequeueCount && EventIdOf(messageBody) is { } poisoned)
        {
            // The host moves it to the poison queue now: the event is done with, and not applied.
            timeline.MarkSettled(poisoned, $"Poisoned: {exception.GetType().Name}");
            throw;
        }

        if (outcome.RequeuedAfter is null && EventIdOf(messageBody) is { } eventId)
        {
            timeline.MarkSettled(eventId, outcome.Status.ToString());
        }

        return outcome;
    }

    private static string? EventIdOf(BinaryData messageBody)
    {
        try
        {
            return RoezanEventQueueClient.Deserialize(messageBody).Event.Id;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
