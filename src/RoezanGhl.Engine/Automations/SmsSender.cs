using System.Net;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Sms;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// The exactly-once send (<see cref="ISmsSender"/>). Per row: Planned → Sending (stored, ETag-conditional, so one run
/// only) → Roezan's send (never retried by the client) → Sent with Roezan's message id. What Roezan's answer means:
/// <list type="bullet">
/// <item>accepted: Sent;</item>
/// <item>refused (422 opted out / invalid / deleted, another 4xx): Cancelled with the reason, nothing went out;</item>
/// <item>429, a refused key, or a call our resilience pipeline held back (circuit open): nothing went out; Planned again
/// for Roezan's Retry-After;</item>
/// <item>anything else (5xx, timeout, no answer, a crash before Sent was stored): unknown, settled by
/// <see cref="SmsOutcomeLookup"/>: found → Sent; surely not there → Planned again while attempts remain; the look-up
/// rate limited → still Sending, looked up again by a later sweep (a 429 storm never makes an Unknown); cannot tell →
/// Unknown, not sent again, and notified.</item>
/// </list>
/// </summary>
public sealed class SmsSender : ISmsSender
{
    private readonly SmsSendStore _store;
    private readonly RoezanApiClient _roezan;
    private readonly SmsOutcomeLookup _lookup;
    private readonly SmsSendContext _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SmsSender(SmsSendStore store, RoezanApiClient roezan, SmsOutcomeLookup lookup, SmsSendContext context)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _lookup = lookup ?? throw new ArgumentNullException(nameof(lookup));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _time = context.Time;
        _logger = context.Logger;
    }

    /// <summary>
    /// Whether <paramref name="send"/> came through <see cref="SendOnceAsync"/> (no automation: its caller retries it and
    /// decides consent), not from the schedule.
    /// </summary>
    public static bool IsDirect(PlannedSend send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send.AutomationName.Length == 0;
    }

    public async Task<SmsSendResult> SendOnceAsync(string sendId, string accountId, string phone, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sendId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var now = _time.GetUtcNow();
        var fresh = new SmsSendRecord
        {
            Send = new PlannedSend
            {
                SendId = sendId, AccountId = accountId, AutomationName = "", Trigger = default, TriggerIdentity = sendId, TriggeredAt = now,
                ContactId = "", To = phone, Body = text, Segments = SmsSegmentCounter.Count(text), SendAt = now, RequestedAt = now,
            },
            State = SmsSendState.Planned,
            PlannedAt = now,
        };
        var (_, stored) = await _store.AddAsync(fresh, cancellationToken).ConfigureAwait(false);
        return await SendAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SmsSendResult> SendAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsFinal)
        {
            return SmsSendResult.Of(record);
        }

        if (record.State == SmsSendState.Sending)
        {
            return await SettleAsync(record, "the run that called Roezan stopped before recording the answer", cancellationToken).ConfigureAwait(false);
        }

        var sending = await _store.TryUpdateAsync(record with { State = SmsSendState.Sending, SendingSince = _time.GetUtcNow(), Attempts = record.Attempts + 1, Reason = "calling Roezan" }, cancellationToken).ConfigureAwait(false);
        if (sending is null)
        {
            return SmsSendResult.Busy;
        }

        RoezanApiMessage? message;
        try
        {
            message = await _roezan.SendMessageAsync(record.Send.AccountId, record.Send.To, record.Send.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (RoezanApiException exception) when (exception.RefusalCode is not null || IsRefused(exception))
        {
            return await FinishAsync(sending, SmsSendState.Cancelled, $"Roezan refused it ({exception.RefusalCode ?? ((int)exception.StatusCode!).ToString(System.Globalization.CultureInfo.InvariantCulture)}); nothing was sent.", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SmsSendFailures.NothingWasSent(exception) || exception is RoezanApiException { IsUnauthorized: true })
        {
            // The request never reached Roezan (or Roezan turned it away unread): not an attempt, and not a doubt either.
            var later = _time.GetUtcNow() + (SmsSendFailures.RetryAfter(exception) ?? TimeSpan.FromMinutes(5));
            var reason = exception is RoezanApiException { IsUnauthorized: true } ? "Roezan refused the account's key; nothing was sent, planned again"
                : exception is RoezanApiException ? "rate limited by Roezan; nothing was sent, planned again for its Retry-After"
                : $"the call to Roezan was held back ({exception.GetType().Name}); nothing was sent, planned again";
            return await ReturnToPlannedAsync(sending with { Attempts = sending.Attempts - 1 }, later, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RoezanApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return await SettleAsync(sending, $"Roezan's answer was lost ({Describe(exception)})", cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(sending with { RoezanMessageId = message?.Id }, SmsSendState.Sent, "Roezan accepted it.", cancellationToken, sentByThisCall: true).ConfigureAwait(false);
    }

    private async Task<SmsSendResult> SettleAsync(SmsSendRecord sending, string why, CancellationToken cancellationToken)
    {
        var found = await _lookup.FindAsync(sending, cancellationToken).ConfigureAwait(false);
        if (found.Kind == SmsLookupKind.AskLater && _time.GetUtcNow() - (sending.SendingSince ?? sending.PlannedAt) >= _context.Options.LookupGiveUpAfter)
        {
            // Asked to wait for longer than Sms:LookupGiveUpAfter: we still cannot tell, and a row must not wait for ever.
            found = new SmsLookupResult(SmsLookupKind.CannotTell, Detail: $"Roezan answered 429 to every look-up for {_context.Options.LookupGiveUpAfter}");
        }

        switch (found.Kind)
        {
            case SmsLookupKind.Found:
                SmsLog.SettledByLookup(_logger, sending.Send.SendId, sending.Send.AccountId, "sent");
                return await FinishAsync(sending with { RoezanMessageId = found.MessageId }, SmsSendState.Sent, $"{why}; found in Roezan's sent texts.", cancellationToken).ConfigureAwait(false);
            case SmsLookupKind.AskLater:
                // Roezan asked us to wait: the row stays Sending, and the sweep settles it again once Sms:SendingStaleAfter has passed.
                SmsLog.SettledByLookup(_logger, sending.Send.SendId, sending.Send.AccountId, "not yet: Roezan asked to wait");
                var waiting = await _store.TryUpdateAsync(sending with { Reason = $"{why}; the look-up was rate limited, asked again by a later sweep" }, CancellationToken.None).ConfigureAwait(false);
                return SmsSendResult.Of(waiting ?? sending);
            case SmsLookupKind.NotSent when sending.Attempts < _context.Options.MaxSendAttempts:
                SmsLog.SettledByLookup(_logger, sending.Send.SendId, sending.Send.AccountId, "not sent");
                return await ReturnToPlannedAsync(sending, _time.GetUtcNow(), $"{why}; Roezan has no such text, so it is planned again", cancellationToken).ConfigureAwait(false);
            case SmsLookupKind.NotSent:
                return await FinishAsync(sending, SmsSendState.Cancelled, $"{why}; Roezan has no such text after {sending.Attempts} attempts: given up.", cancellationToken).ConfigureAwait(false);
            default:
                var reason = $"{why}; the look-up could not tell whether it went out ({found.Detail}): not sent again.";
                SmsLog.OutcomeUnknown(_logger, sending.Send.SendId, sending.Send.AccountId, found.Detail ?? "no detail");
                var unknown = await FinishAsync(sending, SmsSendState.Unknown, reason, cancellationToken).ConfigureAwait(false);
                _context.Notifier.Notify(new FailureNotice
                {
                    EventId = sending.Send.SendId,
                    EventType = "sms.send",
                    AccountId = sending.Send.AccountId,
                    LocationId = sending.LocationId ?? "",
                    Status = nameof(SmsSendState.Unknown),
                    Reason = reason,
                });
                return unknown;
        }
    }

    private async Task<SmsSendResult> ReturnToPlannedAsync(SmsSendRecord sending, DateTimeOffset sendAt, string reason, CancellationToken cancellationToken)
    {
        var planned = sending with { State = SmsSendState.Planned, SendingSince = null, Reason = reason, Send = sending.Send with { SendAt = sendAt > sending.Send.SendAt ? sendAt : sending.Send.SendAt } };
        var stored = await _store.TryUpdateAsync(planned, cancellationToken).ConfigureAwait(false);
        return stored is null ? SmsSendResult.Busy : SmsSendResult.Of(stored);
    }

    private async Task<SmsSendResult> FinishAsync(SmsSendRecord record, SmsSendState state, string reason, CancellationToken cancellationToken, bool sentByThisCall = false)
    {
        var final = record with { State = state, Reason = reason, FinishedAt = _time.GetUtcNow() };

        // Not the caller's token: an answer Roezan gave must be recorded even when the caller gives up now.
        var stored = await _store.TryUpdateAsync(final, CancellationToken.None).ConfigureAwait(false);
        SmsLog.Finished(_logger, record.Send.SendId, record.Send.AccountId, state, reason);
        return SmsSendResult.Of(stored ?? final, sentByThisCall);
    }

    private static bool IsRefused(RoezanApiException exception) =>
        exception.StatusCode is { } status && (int)status is >= 400 and < 500
        && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

    private static string Describe(Exception exception) =>
        exception is RoezanApiException { StatusCode: { } status } ? $"{(int)status}" : exception.GetType().Name;
}
