using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Asks Roezan for one linked contact's inbound messages and hands every message newer than the cursor to
/// <see cref="RoezanWebhookIngestor.AcceptAsync"/>, the webhook's own way in (in a dry run it only counts those the
/// ledger has not seen). A message's event id comes from its message id (<see cref="RoezanMessageEventId"/>) on both
/// paths, so a message the webhook already delivered is a duplicate in the ledger and is not applied twice.
/// </summary>
public sealed class MissedMessageFeeder
{
    private readonly RoezanApiClient _roezan;
    private readonly RoezanWebhookIngestor _ingestor;
    private readonly EventLedger _ledger;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MissedMessageFeeder(RoezanApiClient roezan, RoezanWebhookIngestor ingestor, EventLedger ledger, TimeProvider time, ILogger<MissedMessageFeeder> logger)
    {
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _ingestor = ingestor ?? throw new ArgumentNullException(nameof(ingestor));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when the account has a Roezan API key to ask with.</summary>
    internal Task<bool> IsConfiguredAsync(string accountId, CancellationToken cancellationToken) => _roezan.IsConfiguredAsync(accountId, cancellationToken);

    /// <summary>Feeds one contact's missed messages; false when the Roezan budget ran out first.</summary>
    internal async Task<bool> FeedContactAsync(ReconcileRun run, string accountId, RoezanAccountOptions account, LinkedContact linked, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var roezanId = linked.RoezanContactId;
        var phone = linked.State.Fields.Phone;
        if (roezanId is null)
        {
            // A contact first seen in a message may carry only its number.
            if (phone is null)
            {
                return true;
            }

            if (!run.Roezan.TrySpend())
            {
                return false;
            }

            var found = await _roezan.FindContactByPhoneAsync(accountId, phone, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return true;
            }

            roezanId = found.Id;
            phone ??= found.PhoneNumber;
        }

        if (!run.Roezan.TrySpend())
        {
            return false;
        }

        var messages = await _roezan.GetInboundMessagesAsync(accountId, roezanId, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages.Where(message => message.CreatedAt > since && message.Id.Length > 0).OrderBy(message => message.CreatedAt))
        {
            await FeedAsync(run, accountId, account, linked, roezanId, phone, message, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task FeedAsync(ReconcileRun run, string accountId, RoezanAccountOptions account, LinkedContact linked, string roezanId, string? phone, RoezanApiMessage message, CancellationToken cancellationToken)
    {
        var fields = linked.State.Fields;
        var name = string.Join(' ', new[] { fields.FirstName, fields.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var evt = new RoezanEvent
        {
            Id = RoezanMessageEventId.For(message.Id),
            Type = RoezanEventTypes.MessageReceived,
            OccurredAt = message.CreatedAt,
            AccountId = accountId,
            Data = new RoezanEventData
            {
                Message = new RoezanMessage
                {
                    Id = message.Id,
                    From = phone,
                    FromName = name.Length == 0 ? null : name,
                    Body = message.Content,
                    ReceivedAt = message.CreatedAt,
                    ContactId = roezanId,
                },
            },
        };

        var errors = RoezanEventValidator.Validate(evt, accountId);
        if (errors.Count == 0)
        {
            errors = RoezanEventNormalizer.Normalize(evt, account.DefaultPhoneRegion);
        }

        if (errors.Count > 0)
        {
            ReconcileLog.MissedMessageUnusable(_logger, message.Id, accountId, string.Join("; ", errors.Select(error => error.Field)));
            return;
        }

        if (run.DryRun)
        {
            if (await _ledger.GetAsync(accountId, evt.Id!, cancellationToken).ConfigureAwait(false) is null)
            {
                run.MessagesFed++;
            }

            return;
        }

        var queued = new QueuedRoezanEvent { AccountId = accountId, AcceptedAt = _time.GetUtcNow(), Event = evt };
        var result = await _ingestor.AcceptAsync(queued, "reconcile", cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case RoezanIngestOutcome.Accepted:
                run.MessagesFed++;
                ReconcileLog.MissedMessageFed(_logger, evt.Id!, accountId, run.LocationId);
                break;
            case RoezanIngestOutcome.Duplicate or RoezanIngestOutcome.InFlight:
                break;
            default:
                // Storage is unreachable: stop here so the cursor stays before this contact.
                throw new InvalidOperationException($"The missed message {evt.Id} of account '{accountId}' could not be queued: {result.Detail ?? result.Title}");
        }
    }
}
