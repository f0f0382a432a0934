using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// What an inbound Roezan message starts once it is synced to GHL: an opt-out reply (STOP) cancels the contact's
/// planned texts and opts it out in Roezan too (<see cref="InboundOptOut"/>); any other message may start a keyword
/// auto-reply (<see cref="AutomationTriggerPlanner"/>). Both are safe to run again for a re-delivered event: the
/// opt-out finds nothing left to cancel, and send ids plan no text twice.
/// </summary>
public sealed class InboundMessageFollowUp(AutomationTriggerPlanner automations, InboundOptOut optOut)
{
    private readonly AutomationTriggerPlanner _automations = automations ?? throw new ArgumentNullException(nameof(automations));
    private readonly InboundOptOut _optOut = optOut ?? throw new ArgumentNullException(nameof(optOut));

    /// <summary>Runs the follow-up of <paramref name="message"/>, received by the GHL contact <paramref name="inbound"/> names.</summary>
    public async Task StartAsync(InboundMessageContext inbound, RoezanMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(message);
        if (OptOutKeywords.IsOptOutReply(message.Body))
        {
            // After the sync, which turned GHL's do-not-disturb on; a retry does it all again to the same end.
            await _optOut.ApplyAsync(inbound.AccountId, inbound.GhlContactId, message.From ?? "", inbound.EventId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.Id is not { Length: > 0 } messageId)
        {
            return;
        }

        var text = new AutomationMessage { Id = messageId, Body = message.Body, At = message.ReceivedAt ?? inbound.AcceptedAt };
        await _automations.PlanInboundMessageAsync(inbound.AccountId, inbound.LocationId, inbound.GhlContactId, text, cancellationToken).ConfigureAwait(false);
    }
}
