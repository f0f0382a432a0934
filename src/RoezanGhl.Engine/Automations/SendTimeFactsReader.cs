using System.Net;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Ghl;
using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Ghl.Errors;
using GhlContact = RoezanGhl.Ghl.Models.GhlContact;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Reads consent at send time, in both systems, never from what was known at planning: the GHL contact (do-not-disturb
/// for SMS, tags and fields for the automation's conditions, the phone) and the Roezan contact of the number (opted
/// out, invalid, deleted). One GHL call and one Roezan call per text; a missed-reply nudge also reads the contact's
/// latest replies.
/// </summary>
public sealed class SendTimeFactsReader
{
    private readonly GhlContactsClient _ghl;
    private readonly RoezanApiClient _roezan;
    private readonly AutomationAccounts _accounts;
    private readonly TwoWayRules _rules;

    public SendTimeFactsReader(GhlContactsClient ghl, RoezanApiClient roezan, AutomationAccounts accounts, TwoWayRules rules)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
    }

    public async Task<SendTimeFacts> ReadAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var send = record.Send;
        var location = record.LocationId ?? _accounts.LocationOf(send.AccountId);
        if (location is null)
        {
            return SendTimeFacts.Cancel($"account '{send.AccountId}' is no longer configured.");
        }

        GhlContact ghl;
        try
        {
            ghl = await _ghl.GetContactAsync(location, send.ContactId, cancellationToken).ConfigureAwait(false);
        }
        catch (GhlApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound)
        {
            return SendTimeFacts.Cancel("the contact no longer exists in GHL.");
        }

        var contactEvent = GhlContactEvents.From(ghl);
        var contact = AutomationContact.FromGhl(contactEvent, _accounts.CustomFieldNames(send.AccountId));
        var roezan = string.IsNullOrWhiteSpace(send.To) ? null : await _roezan.FindContactByPhoneAsync(send.AccountId, send.To, cancellationToken).ConfigureAwait(false);
        if (roezan is { Invalid: true } or { Deleted: true })
        {
            return SendTimeFacts.Cancel("Roezan marks the number invalid or the contact deleted.");
        }

        // The opt-out tag counts too: a STOP reply Roezan did not recognise is recorded there by the tag (InboundOptOut).
        var optedOut = roezan is not null && RoezanConsent.OptedOut(roezan, _rules.For(send.AccountId).OptOutTag);
        var consent = new ContactConsent(ContactConsent.GhlForbidsSms(contactEvent), optedOut);
        DateTimeOffset? lastInbound = null;
        if (send.Trigger == AutomationTriggerKind.NoReply && roezan is not null)
        {
            var replies = await _roezan.GetInboundMessagesAsync(send.AccountId, roezan.Id, cancellationToken).ConfigureAwait(false);
            lastInbound = replies.Max(message => message.CreatedAt);
        }

        return new SendTimeFacts(contact, consent, lastInbound, null);
    }
}
