using Azure.Storage.Queues;
using RoezanGhl.Storage;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Puts a copy of a message back on the events queue, invisible for a delay: how an event waits (rate
/// limit, a contact being created by another event, a location that needs attention) without spending
/// one of its dequeues. The copy is the original body as received (a payload-blob stub stays a stub) and
/// never expires, so a long wait cannot lose it. The queue client comes from the app's
/// <see cref="QueueServiceClient"/>, which writes the encoding the trigger reads.
/// </summary>
public class EventRequeue
{
    // Azure Storage queues accept a visibility timeout below 7 days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue = null!;

    public EventRequeue(QueueServiceClient queues, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        _queue = queues.GetQueueClient(names.EventsQueue);
    }

    /// <summary>For mocking.</summary>
    protected EventRequeue()
    {
    }

    public virtual async Task RequeueAsync(BinaryData messageBody, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
        await _queue.SendMessageAsync(messageBody, visibility, NeverExpires, cancellationToken).ConfigureAwait(false);
    }
}
