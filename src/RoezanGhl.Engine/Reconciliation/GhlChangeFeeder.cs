using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Hands a GHL contact found changed by reconciliation to the GHL door's own way in: the same envelope
/// (<see cref="GhlQueuedEvents.Envelope"/>), the same ledger claim (<see cref="GhlLedgerIntake"/>) and queue, so the
/// GHL → Roezan applier treats it like a delivered webhook. A contact whose mapped fields already equal what the link
/// records (its webhook came, or it is the echo of our own write) is not fed; the check runs
/// <see cref="GhlChangePlanner"/> on the link as it is now. It is only a shortcut: a change fed while its webhook is
/// still on the queue is decided again by the applier under the contact's lease, where the second of the two finds
/// the state already recorded and is skipped as "no change" (or "echo").
/// </summary>
public sealed class GhlChangeFeeder
{
    private readonly RoezanEventAcceptor _acceptor;
    private readonly ContactLinkStore _links;
    private readonly EchoHistoryStore _echoes;
    private readonly TwoWayRules _rules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public GhlChangeFeeder(RoezanEventAcceptor acceptor, ContactLinkStore links, EchoHistoryStore echoes, TwoWayRules rules, TimeProvider time, ILogger<GhlChangeFeeder> logger)
    {
        _acceptor = acceptor ?? throw new ArgumentNullException(nameof(acceptor));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Feeds one found contact unless Roezan already holds its state; counts on <paramref name="run"/>.</summary>
    internal async Task FeedAsync(ReconcileRun run, string accountId, GhlContact contact, CancellationToken cancellationToken)
    {
        var change = GhlSearchedChange.From(run.LocationId, contact);
        if (await IsInStepAsync(run.LocationId, accountId, change.Contact!, cancellationToken).ConfigureAwait(false))
        {
            run.GhlContactsInStep++;
            return;
        }

        if (run.DryRun)
        {
            run.GhlChangesFed++;
            return;
        }

        var now = _time.GetUtcNow();
        var queued = GhlQueuedEvents.Envelope(accountId, change, now, now);
        var result = await _acceptor.AcceptOnceAsync(queued, GhlLedgerIntake.Of(queued), ClaimTimeout, "reconcile", cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case RoezanIngestOutcome.Accepted:
                run.GhlChangesFed++;
                GhlCatchUpLog.ChangeFed(_logger, queued.Event.Id!, accountId, run.LocationId, contact.Id);
                break;
            case RoezanIngestOutcome.Duplicate or RoezanIngestOutcome.InFlight:
                break; // This version was fed by an earlier, overlapping walk.
            default:
                // Storage is unreachable: stop, so the cursor stays before this contact.
                throw new InvalidOperationException($"The GHL change {queued.Event.Id} of account '{accountId}' could not be queued: {result.Detail ?? result.Title}");
        }
    }

    /// <summary>Long enough for a claim left by a crashed run to be taken over by the next one.</summary>
    private static TimeSpan ClaimTimeout => TimeSpan.FromMinutes(1);

    private async Task<bool> IsInStepAsync(string locationId, string accountId, GhlContactEvent contact, CancellationToken cancellationToken)
    {
        var state = await _links.ReadContactAsync(locationId, contact.Id!, cancellationToken).ConfigureAwait(false);
        var linked = state.LastEventId is null && state.Fields.IsEmpty ? null : state;
        var history = await _echoes.ReadAsync(locationId, contact.Id!, cancellationToken).ConfigureAwait(false);
        var decision = GhlChangePlanner.Decide(GhlContactFields.From(contact), GhlContactFields.SmsDoNotDisturb(contact), contact.DateUpdated, linked, history, _time.GetUtcNow(), await _rules.ForChangesFromGhlAsync(accountId, cancellationToken).ConfigureAwait(false));
        return decision.Kind != GhlChangeDecisionKind.Apply;
    }
}
