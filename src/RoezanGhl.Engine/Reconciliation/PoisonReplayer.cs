using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Moves messages from the poison queue back onto the events queue: the reconciler's re-drive and the CLI's
/// <c>replay</c>. The host puts a message there after its last failed attempt, when the processor has recorded
/// the event as Failed; so before the message goes back its ledger entry is reopened
/// (<see cref="EventLedger.ReopenAsync"/>: status Queued, who re-drove it and when in its outcome; attempts, last
/// error, plan and progress kept, so the history stays and a half-done plan resumes). The message is
/// queued again through <see cref="RoezanEventQueueClient"/>, which writes the encoding the queue trigger
/// reads (a payload-blob stub stays a stub), and only then deleted from the poison queue: a replay that dies
/// half-way leaves at worst a second copy, which the processor's ledger check absorbs. With
/// <see cref="PoisonReplayFilter.MaxReDrives"/> (the reconciler's runs) an event re-driven that often is not moved
/// again: it is recorded as Failed, notified once, and left in the poison queue for a person.
/// </summary>
public class PoisonReplayer
{
    // Long enough to scan the queue once: messages not moved stay hidden meanwhile, so each is seen once, then shown again.
    private static readonly TimeSpan ScanVisibility = TimeSpan.FromMinutes(2);

    private readonly QueueClient _poison;
    private readonly RoezanEventQueueClient _events;
    private readonly EventLedger _ledger;
    private readonly ReDriveLimit _limit;
    private readonly ILogger _logger;

    /// <param name="poison">The poison queue, read as stored text (no Base64 decoding: see <see cref="RawQueueClients"/>).</param>
    /// <param name="events">The events queue the messages go back to.</param>
    /// <param name="ledger">The event ledger.</param>
    /// <param name="limit">Gives up events re-driven too often.</param>
    /// <param name="logger">The logger.</param>
    public PoisonReplayer(QueueClient poison, RoezanEventQueueClient events, EventLedger ledger, ReDriveLimit limit, ILogger<PoisonReplayer> logger)
    {
        _poison = poison ?? throw new ArgumentNullException(nameof(poison));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _limit = limit ?? throw new ArgumentNullException(nameof(limit));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public string PoisonQueueName => _poison.Name;

    /// <summary>
    /// Moves (or, when <paramref name="dryRun"/>, lists) the poison messages that <paramref name="filter"/> picks,
    /// reporting each one to <paramref name="progress"/> as it is done. Unreadable messages are reported only
    /// when no account filter is given (they belong to no account).
    /// </summary>
    public async Task<IReadOnlyList<PoisonReplayItem>> ReplayAsync(PoisonReplayFilter filter, bool dryRun, IProgress<PoisonReplayItem>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = new List<PoisonReplayItem>();
        if (!await _poison.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return items;
        }

        var hidden = new List<QueueMessage>();
        try
        {
            while (true)
            {
                var batch = await _poison.ReceiveMessagesAsync(32, ScanVisibility, cancellationToken).ConfigureAwait(false);
                if (batch.Value.Length == 0)
                {
                    break;
                }

                foreach (var message in batch.Value)
                {
                    var item = await HandleAsync(message, filter, dryRun, cancellationToken).ConfigureAwait(false);
                    if (item is null || item.Action is PoisonReplayAction.WouldMove or PoisonReplayAction.Unreadable or PoisonReplayAction.GivenUp)
                    {
                        hidden.Add(message);
                    }

                    if (item is not null)
                    {
                        items.Add(item);
                        progress?.Report(item);
                    }
                }
            }
        }
        finally
        {
            foreach (var message in hidden)
            {
                await ShowAgainAsync(message).ConfigureAwait(false);
            }
        }

        return items;
    }

    /// <summary>The item for a message the filter picks (moved unless a dry run), or null for one it does not.</summary>
    private async Task<PoisonReplayItem?> HandleAsync(QueueMessage message, PoisonReplayFilter filter, bool dryRun, CancellationToken cancellationToken)
    {
        var item = new PoisonReplayItem { MessageId = message.MessageId, InsertedOn = message.InsertedOn };
        if (filter.Since is { } since && message.InsertedOn < since)
        {
            return null;
        }

        QueuedRoezanEvent queued;
        BinaryData body;
        try
        {
            // Decoded as the trigger decodes it: what the trigger could not read is not replayed.
            body = HostQueueMessageEncoding.DecodeAsTrigger(message.MessageText);
            queued = RoezanEventQueueClient.Deserialize(body);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            var picked = filter.AccountIds is null && (filter.Id is null || filter.Id == message.MessageId);
            return picked ? item with { Action = PoisonReplayAction.Unreadable, Detail = exception is FormatException ? "not Base64: the queue trigger cannot read it" : $"not a queued Roezan event ({exception.GetType().Name})" } : null;
        }

        item = item with { EventId = queued.Event.Id, AccountId = queued.AccountId, EventType = queued.Event.Type };
        if (filter.AccountIds is { } accounts && !accounts.Contains(queued.AccountId, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (filter.Id is { } id && id != message.MessageId && id != queued.Event.Id)
        {
            return null;
        }

        if (queued.Event.Id is not { Length: > 0 } eventId)
        {
            return item with { Action = PoisonReplayAction.Unreadable, Detail = "the queued event has no id" };
        }

        if (dryRun)
        {
            return item with { Action = PoisonReplayAction.WouldMove };
        }

        if (filter.MaxReDrives is { } max && await _limit.GiveUpIfReachedAsync(queued, eventId, max, cancellationToken).ConfigureAwait(false) is { } givenUp)
        {
            return item with { Action = PoisonReplayAction.GivenUp, Detail = givenUp.LastError };
        }

        var entry = await _ledger.ReopenAsync(queued.AccountId, eventId, filter.Actor, cancellationToken).ConfigureAwait(false);
        if (entry.Status is EventLedgerStatus.Applied or EventLedgerStatus.Skipped)
        {
            await _poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return item with { Action = PoisonReplayAction.AlreadyDone, Detail = entry.Status.ToString() };
        }

        await _events.EnqueueAsync(queued, body, cancellationToken).ConfigureAwait(false);
        await _poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        ReconcileLog.ReDriven(_logger, eventId, queued.AccountId, entry.Attempts, filter.Actor);
        return item with { Action = PoisonReplayAction.Moved, Detail = entry.LastError };
    }

    private async Task ShowAgainAsync(QueueMessage message)
    {
        try
        {
            await _poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            // It becomes visible by itself when the scan's visibility timeout ends.
            ReconcileLog.PoisonShowAgainFailed(_logger, message.MessageId, exception);
        }
    }
}
