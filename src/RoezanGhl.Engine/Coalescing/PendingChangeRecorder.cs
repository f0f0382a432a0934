using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>
/// The door's part of coalescing: once a <c>contact.updated</c>, a <c>task.updated</c> or <c>task.completed</c> (or, when messages are coalesced, a <c>message.received</c> of a known contact) is on the queue, it is recorded in the
/// <see cref="PendingChangeIndex"/> of its contact, so that the first of the contact's queued changes to be processed
/// can carry the others. Best effort: an event not recorded is applied on its own, so a failure here never fails the
/// webhook (its answer is already decided by the enqueue).
/// </summary>
public sealed class PendingChangeRecorder
{
    private readonly PendingChangeIndex _index;
    private readonly IOptionsMonitor<RoezanOptions> _accounts;
    private readonly IOptionsMonitor<SyncProcessingOptions> _options;
    private readonly ILogger _logger;

    public PendingChangeRecorder(PendingChangeIndex index, IOptionsMonitor<RoezanOptions> accounts, IOptionsMonitor<SyncProcessingOptions> options, ILogger<PendingChangeRecorder> logger)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Records <paramref name="queued"/> when it is a change coalescing can carry; does nothing for any other event.</summary>
    public async Task RecordAsync(QueuedRoezanEvent queued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var evt = queued.Event;
        if (queued.PayloadBlob is not null
            || queued.Direction != Core.Sync.SyncDirection.RoezanToGhl
            || evt.Id is not { Length: > 0 } eventId
            || !_accounts.CurrentValue.Accounts.TryGetValue(queued.AccountId, out var account)
            || account?.GhlLocationId is not { Length: > 0 } locationId
            || CoalescingKeys.IndexKeyOf(evt, _options.CurrentValue, InboundMessageTargets.Of(account)) is not { } contactId)
        {
            return;
        }

        try
        {
            var change = new PendingChange(eventId, evt.OccurredAt, queued.AcceptedAt, JsonSerializer.Serialize(evt, RoezanJsonContext.Default.RoezanEvent));
            if (!await _index.AddAsync(locationId, queued.AccountId, contactId, change, cancellationToken).ConfigureAwait(false))
            {
                CoalescingLog.NotIndexed(_logger, null, eventId, queued.AccountId, "payload too large to keep in the index");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CoalescingLog.NotIndexed(_logger, exception, eventId, queued.AccountId, exception.GetType().Name);
        }
    }
}
