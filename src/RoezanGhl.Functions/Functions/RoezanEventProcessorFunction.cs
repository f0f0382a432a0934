using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The events queue (<c>Sync:EventsQueue</c>): each message is one queued event for
/// <see cref="EventProcessor"/>. Returning completes the message (applied, skipped, failed for good,
/// or a copy re-queued for later); an exception makes the host retry it after host.json's
/// visibilityTimeout and, after maxDequeueCount tries, move it to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed class RoezanEventProcessorFunction(EventProcessor processor)
{
    public const string Name = "RoezanEventProcessor";

    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger("%Sync:EventsQueue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await processor.ProcessAsync(message.Body, message.DequeueCount, cancellationToken, message.InsertedOn).ConfigureAwait(false);
    }
}
