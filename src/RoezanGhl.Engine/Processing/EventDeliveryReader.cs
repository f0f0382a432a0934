using System.Net;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Reads what a delivery starts from: the queued event (its payload blob too), the account it names, and the event's
/// ledger entry with its ETag, including whether another run holds it.
/// </summary>
public sealed class EventDeliveryReader
{
    private readonly RoezanEventQueueClient _queue;
    private readonly EventLedger _ledger;
    private readonly RoezanOptions _accounts;
    private readonly SyncProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventDeliveryReader(
        RoezanEventQueueClient queue,
        EventLedger ledger,
        IOptions<RoezanOptions> accounts,
        IOptions<SyncProcessingOptions> options,
        TimeProvider time,
        ILogger<EventDeliveryReader> logger)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _accounts = accounts.Value;
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The events queue the messages come from (names the process span).</summary>
    public string QueueName => _queue.QueueName;

    /// <summary>The delivery of <paramref name="messageBody"/>; throws <see cref="InvalidDataException"/> when it is no queued event with an id.</summary>
    public async Task<EventDelivery> ReadMessageAsync(BinaryData messageBody, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        Core.Events.QueuedRoezanEvent queued;
        var payloadMissing = false;
        try
        {
            queued = await _queue.ReadAsync(messageBody, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            // The claim-check blob is gone (deleted, or lost with its storage): it will not come back by retrying.
            queued = RoezanEventQueueClient.Deserialize(messageBody);
            payloadMissing = true;
        }
        catch (JsonException exception)
        {
            SyncLog.UnreadableMessage(_logger, exception.GetType().Name);
            throw new InvalidDataException("The queue message is not a queued event.", exception);
        }

        if (queued.Event.Id is not { Length: > 0 } eventId)
        {
            SyncLog.UnreadableMessage(_logger, "no event id");
            throw new InvalidDataException("The queued event has no id.");
        }

        if (!_accounts.Accounts.TryGetValue(queued.AccountId, out var account))
        {
            SyncLog.UnknownAccount(_logger, eventId, queued.AccountId);
        }

        if (payloadMissing)
        {
            SyncLog.PayloadMissing(_logger, eventId, queued.AccountId);
        }

        return new EventDelivery(queued, eventId, messageBody, dequeueCount, dequeueCount >= _options.MaxDequeueCount) { Account = account, PayloadMissing = payloadMissing };
    }

    /// <summary>
    /// Deletes the claim-check blob of a delivery whose event is finished (a final status: nothing re-reads it; a
    /// message that goes to the poison queue is not finished, and keeps its blob for the re-drive). Best effort: a blob
    /// left behind is removed by the storage lifecycle rule.
    /// </summary>
    public async Task ForgetPayloadAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Entry is not { IsFinal: true })
        {
            return;
        }

        // The message itself names the blob (the event read from the blob does not).
        var stub = RoezanEventQueueClient.Deserialize(delivery.MessageBody);
        if (stub.PayloadBlob is null)
        {
            return;
        }

        try
        {
            await _queue.DeletePayloadAsync(stub, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            SyncLog.PayloadNotDeleted(_logger, exception, delivery.EventId);
        }
    }

    /// <summary>
    /// Reads the delivery's ledger entry (an unwritten one when the door's row is missing) and, when another run holds
    /// it, how long that hold has left (<see cref="EventDelivery.HeldByAnotherRunFor"/>).
    /// </summary>
    public async Task ReadEntryAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var entry = await _ledger.ReadAsync(delivery.AccountId, delivery.EventId, cancellationToken).ConfigureAwait(false);
        delivery.Entry = entry.Exists ? entry : entry with { Type = delivery.EventType, Direction = delivery.Direction };
        var now = _time.GetUtcNow();
        if (entry.IsHeldByAnotherRun(delivery.Claim, now, _options.LeaseDuration))
        {
            delivery.HeldByAnotherRunFor = _options.LeaseDuration - (now - entry.ClaimedAt!.Value);
        }
    }
}
