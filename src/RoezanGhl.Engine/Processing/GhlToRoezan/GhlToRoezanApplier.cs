using System.Net;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>
/// Applies changes made in GHL to Roezan (<see cref="SyncDirection.GhlToRoezan"/>): contact changes through
/// <see cref="GhlContactApplier"/>; a ContactDelete is recorded and reported (or tags the Roezan contact, when
/// <c>Sync:TwoWay:ContactDelete</c> says <c>tag</c>); notes and tasks are recorded in the ledger against their GHL
/// contact and not sent, because Roezan's API has no notes or tasks (see docs/two-way.md); a reply typed in GHL's inbox
/// goes to <see cref="ConversationReplyApplier"/> (docs/conversations.md). Roezan's answers become verdicts here.
/// </summary>
public sealed class GhlToRoezanApplier : IEventApplier
{
    private readonly GhlContactApplier _contacts;
    private readonly IOptions<TwoWayOptions> _options;
    private readonly GhlToRoezanContext _context;
    private readonly ConversationReplyApplier _replies;
    private readonly AutomationTriggerPlanner _automations;

    public GhlToRoezanApplier(GhlContactApplier contacts, IOptions<TwoWayOptions> options, GhlToRoezanContext context, ConversationReplyApplier replies, AutomationTriggerPlanner automations)
    {
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _automations = automations ?? throw new ArgumentNullException(nameof(automations));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    public SyncDirection Direction => SyncDirection.GhlToRoezan;

    public async Task<EventVerdict> ApplyAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Queued.Ghl is not { } change)
        {
            return EventVerdict.Final(EventLedgerStatus.Failed, "the message names GHL as its source but carries no GHL change");
        }

        try
        {
            // Before the sync records the contact's new state: a tag counts as added against the state recorded before.
            // A reply typed in GHL's inbox is a text to send, not a CRM change: it triggers no automation.
            if (change.Reply is null)
            {
                await _automations.PlanAsync(delivery.AccountId, change, delivery.Queued.Event.OccurredAt ?? _context.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return await ApplyChangeAsync(delivery, change, cancellationToken).ConfigureAwait(false);
        }
        catch (RoezanApiException exception) when (exception.IsRateLimited)
        {
            return EventVerdict.Requeue(EventLedgerStatus.Queued, exception.RetryAfter ?? _context.Processing.RateLimitDelay, "rate limited by Roezan; back on the queue");
        }
        catch (RoezanApiException exception) when (exception.IsUnauthorized)
        {
            return EventVerdict.Requeue(EventLedgerStatus.Waiting, _context.Processing.LocationAttentionDelay, $"Roezan account needs attention: {exception.Message}", notify: true);
        }
        catch (RoezanApiException exception) when (exception.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.RequestTimeout)
        {
            return EventVerdict.Final(EventLedgerStatus.Failed, exception.Message);
        }
    }

    public AttemptFailure DescribeFailure(Exception exception) => AttemptFailure.Of(exception);

    private async Task<EventVerdict> ApplyChangeAsync(EventDelivery delivery, QueuedGhlChange change, CancellationToken cancellationToken)
    {
        if (change.Reply is { } reply)
        {
            return await _replies.ApplyAsync(delivery, reply, cancellationToken).ConfigureAwait(false);
        }

        var changedAt = delivery.Queued.Event.OccurredAt;
        switch (change.Kind)
        {
            case GhlWebhookEventKind.ContactDelete when change.Contact is { } deleted && _options.Value.ContactDelete == "tag":
                var tagged = new GhlContactEvent { Id = deleted.Id, Phone = deleted.Phone, Tags = [_options.Value.DeletedTag] };
                return await _contacts.ApplyAsync(delivery, tagged, changedAt, cancellationToken).ConfigureAwait(false);

            case GhlWebhookEventKind.ContactDelete:
                return Recorded(delivery, change, "contact deleted in GHL: recorded, not propagated (Sync:TwoWay:ContactDelete is record); the Roezan contact is kept");

            case var kind when GhlWebhookEventTypes.IsAppointment(kind):
                return Recorded(delivery, change, $"{change.Type} recorded against GHL contact {change.ContactId ?? "(none)"}: appointments start SMS automations only; Roezan's API has no appointments");

            case GhlWebhookEventKind.NoteCreate or GhlWebhookEventKind.TaskCreate or GhlWebhookEventKind.TaskComplete:
                return Recorded(delivery, change, $"{change.Type} recorded against GHL contact {change.ContactId ?? "(none)"}; Roezan's API has no notes or tasks, so nothing is sent");

            case var _ when change.Contact is { Id.Length: > 0 } contact:
                return await _contacts.ApplyAsync(delivery, contact, changedAt, cancellationToken).ConfigureAwait(false);

            default:
                return EventVerdict.Final(EventLedgerStatus.Failed, $"GHL change of type {change.Type} carries no contact");
        }
    }

    private EventVerdict Recorded(EventDelivery delivery, QueuedGhlChange change, string reason)
    {
        GhlToRoezanLog.Skipped(_context.Logger, delivery.EventId, delivery.AccountId, change.ContactId, reason);
        return EventVerdict.Final(EventLedgerStatus.Skipped, reason, outcome: reason);
    }
}
