using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Finds inbound messages the webhook missed: for each account with a Roezan API key, it walks the account's
/// linked contacts from the stored cursor, asks Roezan for each contact's inbound messages, and hands every
/// message newer than the cursor to <see cref="RoezanWebhookIngestor.AcceptAsync"/>, the webhook's own way
/// in. A message's event id comes from its message id (<see cref="RoezanMessageEventId"/>) on both paths, so a
/// message the webhook already delivered is a duplicate in the ledger and is not applied twice. The cursor
/// moves after each contact is done; a pass over every contact moves <see cref="MessageCursor.Since"/>.
/// </summary>
public sealed class MissedMessagePoller
{
    private readonly RoezanApiClient _roezan;
    private readonly ContactLinkStore _links;
    private readonly ReconcileCursorStore _cursors;
    private readonly RoezanWebhookIngestor _ingestor;
    private readonly EventLedger _ledger;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MissedMessagePoller(
        RoezanApiClient roezan,
        ContactLinkStore links,
        ReconcileCursorStore cursors,
        RoezanWebhookIngestor ingestor,
        EventLedger ledger,
        IOptions<ReconciliationOptions> options,
        TimeProvider time,
        ILogger<MissedMessagePoller> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _ingestor = ingestor ?? throw new ArgumentNullException(nameof(ingestor));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        foreach (var (accountId, account) in run.Accounts)
        {
            if (!await _roezan.IsConfiguredAsync(accountId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                if (!await PollAccountAsync(run, accountId, account, cancellationToken).ConfigureAwait(false))
                {
                    run.Stop("Roezan call budget spent");
                    return;
                }
            }
            catch (RoezanApiException exception)
            {
                // The cursor holds what was done; the next run goes on from there.
                ReconcileLog.RoezanPollStopped(_logger, run.LocationId, accountId, exception.Message);
                run.Stop(exception.IsRateLimited ? "Roezan rate limit" : "Roezan API error");
                return;
            }
        }
    }

    /// <summary>Polls one account from its cursor; false when the Roezan budget ran out first.</summary>
    private async Task<bool> PollAccountAsync(ReconcileRun run, string accountId, RoezanAccountOptions account, CancellationToken cancellationToken)
    {
        var cursor = await _cursors.GetMessageCursorAsync(run.LocationId, accountId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        cursor = cursor with
        {
            Since = cursor.Since ?? now - _options.ReconcileMessageLookback,
            PassStartedAt = cursor.PassStartedAt ?? now,
        };

        await foreach (var linked in _links.ListLinkedContactsAsync(run.LocationId, cursor.AfterContact, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(linked.AccountId, accountId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!await PollContactAsync(run, accountId, account, linked, cursor.Since!.Value, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            cursor = cursor with { AfterContact = linked.State.GhlContactId };
            if (!run.DryRun)
            {
                await _cursors.SaveMessageCursorAsync(run.LocationId, accountId, cursor, cancellationToken).ConfigureAwait(false);
            }
        }

        // A whole pass is done: every message before it started has been looked at.
        if (!run.DryRun)
        {
            await _cursors.SaveMessageCursorAsync(run.LocationId, accountId, new MessageCursor { Since = cursor.PassStartedAt }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Feeds one contact's missed messages; false when the Roezan budget ran out first.</summary>
    private async Task<bool> PollContactAsync(ReconcileRun run, string accountId, RoezanAccountOptions account, LinkedContact linked, DateTimeOffset since, CancellationToken cancellationToken)
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
