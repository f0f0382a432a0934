using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using RoezanGhl.Storage;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Puts a copy of a message back on the events queue, invisible for a delay: how an event waits (rate
/// limit, a contact being created by another event, a location that needs attention) without spending
/// one of its dequeues. The copy is the original body as received (a payload-blob stub stays a stub) and
/// never expires, so a long wait cannot lose it. The queue client comes from the app's
/// <see cref="QueueServiceClient"/>, which writes the encoding the trigger reads. Nothing here depends on
/// the event's direction: every direction's messages share the queue.
/// </summary>
public sealed class EventRequeue
{
    // Azure Storage queues accept a visibility timeout below 7 days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;
    private readonly TimeSpan _jitter;

    public EventRequeue(QueueServiceClient queues, StorageNames names, IOptions<SyncProcessingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queues.GetQueueClient(names.EventsQueue);
        _jitter = options.Value.RequeueJitter;
    }

    /// <summary>
    /// Sends the copy, due after <paramref name="delay"/> plus, when <paramref name="jitterKey"/> is given, up to
    /// <see cref="SyncProcessingOptions.RequeueJitter"/> more; returns the delay it was given.
    /// </summary>
    /// <param name="jitterKey">The event and its attempt (<see cref="JitterKey"/>): spreads re-queued events, stable per key.</param>
    public async Task<TimeSpan> RequeueAsync(BinaryData messageBody, TimeSpan delay, string? jitterKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        var due = delay + (jitterKey is null ? TimeSpan.Zero : Jitter(jitterKey));
        var visibility = due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxDelay ? MaxDelay : due;
        await _queue.SendMessageAsync(messageBody, visibility, NeverExpires, cancellationToken).ConfigureAwait(false);
        return due;
    }

    /// <summary>The jitter key of an event at an attempt count.</summary>
    public static string JitterKey(string eventId, int attempts) => eventId + "/" + attempts.ToString(CultureInfo.InvariantCulture);

    // Spreads re-queued events over a few seconds so that they do not return in one burst.
    private TimeSpan Jitter(string key)
    {
        if (_jitter <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var seed = (uint)StringComparer.Ordinal.GetHashCode(key);
        return TimeSpan.FromMilliseconds(seed % (uint)Math.Max(1, _jitter.TotalMilliseconds));
    }
}
