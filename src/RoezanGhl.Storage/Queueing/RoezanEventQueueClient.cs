using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Storage.Queueing;

/// <summary>
/// Writes and reads <see cref="QueuedRoezanEvent"/> messages on the events queue (<c>Sync:EventsQueue</c>).
/// The encoding comes from the injected <see cref="QueueServiceClient"/> (see <see cref="HostQueueMessageEncoding"/>).
/// An event too large for one message (64 KiB of Base64 holds 48 KiB) goes to a blob in
/// <c>{queue}-payloads</c>, and the message carries a stub pointing at it (claim check); <see cref="ReadAsync"/>
/// hides the difference. The queue name, enqueue and read are virtual, and a protected constructor is kept, because
/// the webhook door's tests put a client that fails its first sends in its place.
/// </summary>
public class RoezanEventQueueClient
{
    /// <summary>Largest serialized event sent inline: 48 KiB of JSON is 64 KiB of Base64, less room for the envelope.</summary>
    public const int InlineLimitBytes = (48 * 1024) - 512;

    private readonly QueueClient _queue;
    private readonly BlobContainerClient _payloads;
    private readonly RunOnce _queueCreation;
    private readonly RunOnce _payloadsCreation;

    public RoezanEventQueueClient(QueueServiceClient queues, BlobServiceClient blobs, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _queue = queues.GetQueueClient(names.EventsQueue);
        _payloads = blobs.GetBlobContainerClient(names.PayloadsContainer);
        _queueCreation = new(() => _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        _payloadsCreation = new(() => _payloads.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    /// <summary>For a test double that fails sends (see the class remarks).</summary>
    protected RoezanEventQueueClient()
    {
        _queue = null!;
        _payloads = null!;
        _queueCreation = null!;
        _payloadsCreation = null!;
    }

    public virtual string QueueName => _queue.Name;

    /// <summary>The message body for an event: UTF-8 JSON from the source-generated context.</summary>
    public static BinaryData Serialize(QueuedRoezanEvent queued) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(queued, RoezanJsonContext.Default.QueuedRoezanEvent));

    /// <summary>Reads a message body (already decoded by the trigger or <see cref="HostQueueMessageEncoding.DecodeAsTrigger"/>), without resolving a payload blob.</summary>
    public static QueuedRoezanEvent Deserialize(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return JsonSerializer.Deserialize(body.ToMemory().Span, RoezanJsonContext.Default.QueuedRoezanEvent)
            ?? throw new JsonException("The queue message is JSON null, not a queued Roezan event.");
    }

    /// <summary>Puts the event on the queue (or its blob plus a stub when it is too large) and returns the message id.</summary>
    public virtual Task<string> EnqueueAsync(QueuedRoezanEvent queued, BinaryData serialized, CancellationToken cancellationToken) =>
        EnqueueAsync(queued, serialized, TimeSpan.Zero, cancellationToken);

    /// <summary>As the other overload, the message invisible for <paramref name="visibilityDelay"/> (the door's pacing).</summary>
    public virtual async Task<string> EnqueueAsync(QueuedRoezanEvent queued, BinaryData serialized, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(serialized);
        await _queueCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var message = serialized;
        if (serialized.ToMemory().Length > InlineLimitBytes)
        {
            message = await StorePayloadAsync(queued, serialized, cancellationToken).ConfigureAwait(false);
        }

        var receipt = visibilityDelay > TimeSpan.Zero
            ? await _queue.SendMessageAsync(message, visibilityDelay, timeToLive: null, cancellationToken).ConfigureAwait(false)
            : await _queue.SendMessageAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
        return receipt.Value.MessageId;
    }

    public Task<string> EnqueueAsync(QueuedRoezanEvent queued, CancellationToken cancellationToken) =>
        EnqueueAsync(queued, Serialize(queued), cancellationToken);

    /// <summary>The whole event of a message body, fetching the payload blob when the message is a stub.</summary>
    public virtual async Task<QueuedRoezanEvent> ReadAsync(BinaryData body, CancellationToken cancellationToken)
    {
        var queued = Deserialize(body);
        if (queued.PayloadBlob is not { Length: > 0 } blobPath)
        {
            return queued;
        }

        var download = await PayloadBlob(blobPath).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return Deserialize(download.Value.Content);
    }

    /// <summary>
    /// Deletes the payload blob of a message whose event is finished (a stub's blob is needed by nothing after that);
    /// a message without one, or a blob already gone, is fine.
    /// </summary>
    public virtual async Task DeletePayloadAsync(QueuedRoezanEvent queued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        if (queued.PayloadBlob is { Length: > 0 } blobPath)
        {
            await PayloadBlob(blobPath).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private Azure.Storage.Blobs.BlobClient PayloadBlob(string blobPath)
    {
        var slash = blobPath.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !string.Equals(blobPath[..slash], _payloads.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The queued event points at blob '{blobPath}', outside the payload container '{_payloads.Name}'.");
        }

        return _payloads.GetBlobClient(blobPath[(slash + 1)..]);
    }

    private async Task<BinaryData> StorePayloadAsync(QueuedRoezanEvent queued, BinaryData serialized, CancellationToken cancellationToken)
    {
        await _payloadsCreation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var name = $"{queued.AcceptedAt.UtcDateTime:yyyy/MM/dd}/{Guid.NewGuid():N}.json";
        await _payloads.GetBlobClient(name).UploadAsync(serialized, overwrite: false, cancellationToken).ConfigureAwait(false);
        var stub = new QueuedRoezanEvent
        {
            AccountId = queued.AccountId,
            AcceptedAt = queued.AcceptedAt,
            Event = new RoezanEvent
            {
                Id = queued.Event.Id,
                Type = queued.Event.Type,
                OccurredAt = queued.Event.OccurredAt,
                AccountId = queued.Event.AccountId,
            },
            PayloadBlob = $"{_payloads.Name}/{name}",
            TraceParent = queued.TraceParent,
            TraceState = queued.TraceState,
        };
        return Serialize(stub);
    }
}
