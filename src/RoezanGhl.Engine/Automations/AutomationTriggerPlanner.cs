using NodaTime;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Ghl;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Plans an account's automations for a GHL change on its way through the GHL → Roezan applier, beside the sync of
/// the same event: builds the <see cref="AutomationEvent"/> (the tags before come from the contact's recorded state,
/// so this runs before the sync records the new one), re-plans or cancels the texts of a moved or cancelled
/// appointment (<see cref="ReminderReplanner"/>), and stores each planned text under its send id (insert if absent:
/// a re-delivery or a retry plans nothing twice). Consent is taken from the event here and read again at send time.
/// </summary>
public sealed class AutomationTriggerPlanner
{
    private readonly AutomationAccounts _accounts;
    private readonly SmsSendStore _store;
    private readonly ContactLinkStore _links;
    private readonly GhlContactsClient _ghl;
    private readonly SmsSendContext _context;

    public AutomationTriggerPlanner(AutomationAccounts accounts, SmsSendStore store, ContactLinkStore links, GhlContactsClient ghl, SmsSendContext context)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>Plans what the change triggers; answers with how many texts were newly stored.</summary>
    public async Task<int> PlanAsync(string accountId, QueuedGhlChange change, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _accounts.RefreshAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (_accounts.Find(accountId) is not { Automations.Count: > 0 } account
            || ((GhlWebhookEvent?)change.Contact ?? (GhlWebhookEvent?)change.Task ?? change.Appointment) is not { } webhook
            || change.LocationId is not { Length: > 0 } location)
        {
            return 0;
        }

        webhook.Kind = change.Kind;
        webhook.WebhookId ??= change.WebhookId;
        var previousTags = change.Kind == GhlWebhookEventKind.ContactTagUpdate ? await PreviousTagsAsync(location, change.ContactId!, cancellationToken).ConfigureAwait(false) : null;
        if (AutomationEvents.FromGhl(webhook, previousTags, receivedAt) is not { } evt)
        {
            return 0;
        }

        var (contact, consent) = change.Contact is { } fromEvent
            ? (AutomationContact.FromGhl(fromEvent, _accounts.CustomFieldNames(accountId)), new ContactConsent(ContactConsent.GhlForbidsSms(fromEvent), false))
            : await ReadContactAsync(accountId, location, evt.ContactId, cancellationToken).ConfigureAwait(false);
        var now = Instant.FromDateTimeOffset(_context.Time.GetUtcNow());
        if (evt.Appointment is not null)
        {
            await ReplanAppointmentAsync(account, evt, contact, consent, now, cancellationToken).ConfigureAwait(false);
        }

        return await StoreAsync(account, evt, contact, consent, location, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans the keyword auto-replies a Roezan inbound message from the GHL contact <paramref name="ghlContactId"/>
    /// triggers (called once the message is synced, when its contact is known); answers with how many texts were newly
    /// stored. The contact and its do-not-disturb are read from GHL only when the account has a keyword automation.
    /// </summary>
    public Task<int> PlanInboundMessageAsync(string accountId, string location, string ghlContactId, AutomationMessage message, CancellationToken cancellationToken) =>
        PlanMessageAsync(AutomationTriggerKind.InboundKeyword, accountId, location, AutomationEvents.FromInboundMessage(message, ghlContactId), cancellationToken);

    /// <summary>
    /// Plans the missed-reply nudges a text we sent to the GHL contact <paramref name="ghlContactId"/> starts (called by
    /// the send sweep once Roezan took an automated text); a reply before the nudge is due cancels it at send time.
    /// </summary>
    public Task<int> PlanOutboundMessageAsync(string accountId, string location, string ghlContactId, AutomationMessage message, CancellationToken cancellationToken) =>
        PlanMessageAsync(AutomationTriggerKind.NoReply, accountId, location, AutomationEvents.FromOutboundMessage(message, ghlContactId), cancellationToken);

    private async Task<int> PlanMessageAsync(AutomationTriggerKind trigger, string accountId, string location, AutomationEvent evt, CancellationToken cancellationToken)
    {
        await _accounts.RefreshAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (_accounts.Find(accountId) is not { Automations.Count: > 0 } account
            || !account.Automations.Any(automation => automation.Trigger.Kind == trigger))
        {
            return 0;
        }

        var ghlContactId = evt.ContactId;
        var (contact, consent) = await ReadContactAsync(accountId, location, ghlContactId, cancellationToken).ConfigureAwait(false);
        var now = Instant.FromDateTimeOffset(_context.Time.GetUtcNow());
        return await StoreAsync(account, evt, contact, consent, location, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores each text the automations plan for <paramref name="evt"/> (insert if absent: nothing twice).</summary>
    private async Task<int> StoreAsync(AccountAutomations account, AutomationEvent evt, AutomationContact contact, ContactConsent consent, string location, Instant now, CancellationToken cancellationToken)
    {
        var accountId = account.AccountId;
        var added = 0;
        foreach (var decision in AutomationPlanner.Plan(account, evt, contact, consent, now, cancellationToken))
        {
            if (decision.Send is not { } send)
            {
                SmsLog.NotPlanned(_context.Logger, decision.AutomationName, accountId, evt.ContactId, decision.SkipReason ?? "no reason given");
                continue;
            }

            var (isNew, _) = await _store.AddAsync(NewRow(send, location), cancellationToken).ConfigureAwait(false);
            if (isNew)
            {
                added++;
                SmsLog.Planned(_context.Logger, send.AutomationName, accountId, send.SendId, send.ContactId, send.SendAt, send.Segments.Segments);
            }
        }

        return added;
    }

    private async Task ReplanAppointmentAsync(AccountAutomations account, AutomationEvent change, AutomationContact contact, ContactConsent consent, Instant now, CancellationToken cancellationToken)
    {
        await foreach (var row in _store.ListOpenForContactAsync(account.AccountId, change.ContactId, cancellationToken).ConfigureAwait(false))
        {
            var decision = ReminderReplanner.Decide(account, row.Send, change, contact, consent, now, cancellationToken);
            if (decision.Action == ReplanAction.Keep)
            {
                continue;
            }

            SmsLog.Replanned(_context.Logger, row.Send.SendId, account.AccountId, decision.Action, decision.Reason);
            if (decision.Replacement is { } replacement && replacement.SendId == row.Send.SendId)
            {
                await _store.TryUpdateAsync(row with { Send = replacement, Reason = decision.Reason }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await _store.TryUpdateAsync(row with { State = SmsSendState.Cancelled, Reason = decision.Reason, FinishedAt = _context.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            if (decision.Replacement is { } moved)
            {
                await _store.AddAsync(NewRow(moved, row.LocationId), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private SmsSendRecord NewRow(PlannedSend send, string? location) =>
        new() { Send = send, LocationId = location, State = SmsSendState.Planned, PlannedAt = _context.Time.GetUtcNow(), Reason = "planned" };

    /// <summary>The contact's tags as last recorded, or null when nothing is recorded (then no tag counts as added).</summary>
    private async Task<IReadOnlyCollection<string>?> PreviousTagsAsync(string location, string contactId, CancellationToken cancellationToken)
    {
        var snapshot = await _links.ReadContactAsync(location, contactId, cancellationToken).ConfigureAwait(false);
        return snapshot.LastEventId is null && snapshot.Fields.IsEmpty ? null : snapshot.Fields.Tags;
    }

    /// <summary>Appointment and task events carry no contact: it is read from GHL (names, tags, phone, do-not-disturb).</summary>
    private async Task<(AutomationContact Contact, ContactConsent Consent)> ReadContactAsync(string accountId, string location, string contactId, CancellationToken cancellationToken)
    {
        var ghl = await _ghl.GetContactAsync(location, contactId, cancellationToken).ConfigureAwait(false);
        var asEvent = GhlContactEvents.From(ghl);
        return (AutomationContact.FromGhl(asEvent, _accounts.CustomFieldNames(accountId)), new ContactConsent(ContactConsent.GhlForbidsSms(asEvent), false));
    }
}
