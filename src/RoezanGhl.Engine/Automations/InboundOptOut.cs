using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// What a STOP reply does beside its sync (where the Roezan → GHL plan turns on GHL's SMS do-not-disturb): the
/// contact's planned texts are cancelled, and the Roezan contact is opted out. Roezan's API as known
/// (<c>shared/roezan/README.md</c>) has no opt-out call: Roezan opts the number out itself on a STOP it recognises,
/// which is read first (one look-up); when it has not, the contact gets the account's opt-out tag, the one GHL's
/// do-not-disturb also sets (<c>Sync:TwoWay:OptOutTag</c>), which the send-time consent read honours.
/// Idempotent: a re-delivery finds nothing planned and adds a tag the contact already has.
/// </summary>
public sealed class InboundOptOut
{
    private readonly SmsSendStore _store;
    private readonly RoezanApiClient _roezan;
    private readonly TwoWayRules _rules;
    private readonly SmsSendContext _context;

    public InboundOptOut(SmsSendStore store, RoezanApiClient roezan, TwoWayRules rules, SmsSendContext context)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>
    /// Cancels the planned texts of GHL contact <paramref name="ghlContactId"/> and tags the Roezan contact of
    /// <paramref name="phone"/>; answers with how many texts were cancelled.
    /// </summary>
    public async Task<int> ApplyAsync(string accountId, string ghlContactId, string phone, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ghlContactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);

        // The texts first: they are what must not go out; the sweep's consent read covers one already being sent.
        var cancelled = 0;
        var reason = $"the contact replied with an opt-out word (event {eventId}); nothing is sent.";
        await foreach (var row in _store.ListOpenForContactAsync(accountId, ghlContactId, cancellationToken).ConfigureAwait(false))
        {
            var stored = await _store.TryUpdateAsync(row with { State = SmsSendState.Cancelled, Reason = reason, FinishedAt = _context.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                cancelled++;
                SmsLog.Finished(_context.Logger, row.Send.SendId, accountId, SmsSendState.Cancelled, reason);
            }
        }

        var roezan = await OptOutInRoezanAsync(accountId, phone, cancellationToken).ConfigureAwait(false);
        SmsLog.OptedOutByReply(_context.Logger, accountId, ghlContactId, eventId, cancelled, roezan);
        return cancelled;
    }

    /// <summary>What was done in Roezan, for the log line: nothing when Roezan has the number opted out already.</summary>
    private async Task<string> OptOutInRoezanAsync(string accountId, string phone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(phone) || !await _roezan.IsConfiguredAsync(accountId, cancellationToken).ConfigureAwait(false))
        {
            return "untouched (no number or no Roezan API key)";
        }

        var contact = await _roezan.FindContactByPhoneAsync(accountId, phone, cancellationToken).ConfigureAwait(false);
        if (contact is not null && RoezanConsent.OptedOut(contact, null))
        {
            return "already opted out there";
        }

        // Roezan did not take this reply as a STOP (a variant such as "Stop." or "opt out"): the tag is what we can set.
        var tag = _rules.For(accountId).OptOutTag;
        await _roezan.UpsertContactAsync(accountId, new RoezanContactUpsert { Phone = phone, Tags = [tag] }, cancellationToken).ConfigureAwait(false);
        return "tagged " + tag;
    }
}
