using NodaTime;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// The durable schedule's sweep (the <c>SmsSendTimer</c> function, every minute): per account with automations, the
/// rows due now and the ones a stopped run left in Sending. For each due text: consent and the contact read afresh in
/// both systems (<see cref="SendTimeFactsReader"/>), <see cref="SendGate"/> (conditions, opt-out, phone change, reply,
/// grace, sending hours: defer or cancel), the day caps (a drop is recorded), then <see cref="ISmsSender"/>. Nothing
/// is held in memory between sweeps; another instance's sweep of the same row loses the row's ETag race and does nothing.
/// </summary>
public sealed class SmsScheduleSweeper
{
    private readonly AutomationAccounts _accounts;
    private readonly SmsSendStore _store;
    private readonly SendTimeFactsReader _facts;
    private readonly ISmsSender _sender;
    private readonly SmsSendContext _context;
    private readonly AutomationTriggerPlanner _planner;

    public SmsScheduleSweeper(AutomationAccounts accounts, SmsSendStore store, SendTimeFactsReader facts, ISmsSender sender, SmsSendContext context, AutomationTriggerPlanner planner)
    {
        _planner = planner ?? throw new ArgumentNullException(nameof(planner));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _facts = facts ?? throw new ArgumentNullException(nameof(facts));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>Works every account's due texts; answers with how each ended (the texts sent by this sweep among them).</summary>
    public async Task<IReadOnlyList<SmsSendResult>> SweepAsync(CancellationToken cancellationToken)
    {
        var results = new List<SmsSendResult>();
        await _accounts.RefreshAllAsync(cancellationToken).ConfigureAwait(false);
        foreach (var account in _accounts.WithAutomations)
        {
            var now = _context.Time.GetUtcNow();
            var due = await _store.ListDueAsync(account.AccountId, now, now - _context.Options.SendingStaleAfter, _context.Options.SweepBatch, cancellationToken).ConfigureAwait(false);
            foreach (var row in due)
            {
                try
                {
                    results.Add(await WorkAsync(account, row, cancellationToken).ConfigureAwait(false));
                }
                catch (RoezanApiException exception) when (exception.IsRateLimited || exception.IsUnauthorized)
                {
                    // Roezan wants us to wait (or the key is refused): the rest of this account's texts stay planned for the next sweep.
                    SmsLog.SweepFailed(_context.Logger, exception, account.AccountId, row.Send.SendId);
                    break;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    SmsLog.SweepFailed(_context.Logger, exception, account.AccountId, row.Send.SendId);
                }
            }
        }

        return results;
    }

    private async Task<SmsSendResult> WorkAsync(AccountAutomations account, SmsSendRecord row, CancellationToken cancellationToken)
    {
        if (row.State == SmsSendState.Sending)
        {
            return await _sender.SendAsync(row, cancellationToken).ConfigureAwait(false);
        }

        if (SmsSender.IsDirect(row.Send))
        {
            // A text sent by its caller (a reply typed in GHL): that caller asks again; the sweep only settles one left in Sending.
            return SmsSendResult.Of(row);
        }

        var facts = await _facts.ReadAsync(row, cancellationToken).ConfigureAwait(false);
        if (facts.CancelReason is { } gone)
        {
            return await EndAsync(row, SmsSendState.Cancelled, gone, cancellationToken).ConfigureAwait(false);
        }

        var now = Instant.FromDateTimeOffset(_context.Time.GetUtcNow());
        var verdict = SendGate.Check(account, row.Send, facts.Contact!, facts.Consent, facts.LastInboundAt, now);
        switch (verdict.Kind)
        {
            case SendVerdictKind.Cancel:
                return await EndAsync(row, SmsSendState.Cancelled, verdict.Reason, cancellationToken).ConfigureAwait(false);
            case SendVerdictKind.Defer:
                var deferred = await _store.TryUpdateAsync(row with { Reason = verdict.Reason, Send = row.Send with { SendAt = verdict.RetryAt!.Value, ShiftedBySendingHours = true } }, cancellationToken).ConfigureAwait(false);
                return deferred is null ? SmsSendResult.Busy : SmsSendResult.Of(deferred);
        }

        if (!row.Counted)
        {
            var day = DateOnly.FromDateTime(now.InZone(account.Zone).Date.ToDateTimeUnspecified());
            if (await CapReachedAsync(row, day, cancellationToken).ConfigureAwait(false) is { } cap)
            {
                return await EndAsync(row, SmsSendState.Dropped, cap, cancellationToken).ConfigureAwait(false);
            }

            row = await _store.TryUpdateAsync(row with { Counted = true }, cancellationToken).ConfigureAwait(false) ?? row;
            if (!row.Counted)
            {
                return SmsSendResult.Busy;
            }
        }

        var result = await _sender.SendAsync(row, cancellationToken).ConfigureAwait(false);
        if (result.SentByThisCall && row.Send.Trigger != AutomationTriggerKind.NoReply && row.Send.ContactId.Length > 0 && row.LocationId is { } location)
        {
            // The text just sent starts the missed-reply waits (a nudge never starts another). Planned once per text: its send id.
            var sent = new AutomationMessage { Id = row.Send.SendId, Body = row.Send.Body, At = _context.Time.GetUtcNow() };
            await _planner.PlanOutboundMessageAsync(account.AccountId, location, row.Send.ContactId, sent, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Counts the text against the account's day, then the contact's; the reason when either is full.</summary>
    private async Task<string?> CapReachedAsync(SmsSendRecord row, DateOnly day, CancellationToken cancellationToken)
    {
        var options = _context.Options;
        if (!await _store.TryCountAsync(row.Send.AccountId, SmsSendStore.DayCounter(day, null), options.MaxPerAccountPerDay, cancellationToken).ConfigureAwait(false))
        {
            return $"the account's cap of {options.MaxPerAccountPerDay} automated texts on {day:yyyy-MM-dd} is reached (Sms:MaxPerAccountPerDay).";
        }

        return await _store.TryCountAsync(row.Send.AccountId, SmsSendStore.DayCounter(day, row.Send.ContactId), options.MaxPerContactPerDay, cancellationToken).ConfigureAwait(false)
            ? null
            : $"the contact's cap of {options.MaxPerContactPerDay} automated texts on {day:yyyy-MM-dd} is reached (Sms:MaxPerContactPerDay).";
    }

    private async Task<SmsSendResult> EndAsync(SmsSendRecord row, SmsSendState state, string reason, CancellationToken cancellationToken)
    {
        var stored = await _store.TryUpdateAsync(row with { State = state, Reason = reason, FinishedAt = _context.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        SmsLog.Finished(_context.Logger, row.Send.SendId, row.Send.AccountId, state, reason);
        return stored is null ? SmsSendResult.Busy : SmsSendResult.Of(stored);
    }
}
