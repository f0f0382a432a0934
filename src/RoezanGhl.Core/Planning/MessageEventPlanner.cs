using System.Globalization;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Plans <c>message.received</c> (flows F3, F4 and F5): a contact from the first message of a number, a note or an
/// inbound SMS in the contact's conversation (or both: the account's <c>InboundMessages</c>) for every message, a task
/// when the message asks for a follow-up. A reply that is an opt-out word (<see cref="OptOutKeywords.IsOptOutReply"/>)
/// also turns on the contact's SMS do-not-disturb, first, whatever the account's flows: consent is not a sync option.
/// </summary>
internal static class MessageEventPlanner
{
    public static SyncPlan Plan(SyncPlan plan, QueuedRoezanEvent queued, RoezanAccountOptions account, PlanningProfile profile, SyncSnapshot snapshot)
    {
        var roezanEvent = queued.Event;
        if (roezanEvent.Data?.Message is not { } message || PlanRules.Clean(message.From) is not { } from)
        {
            return plan with { Reason = "data.message.from is missing" };
        }

        var steps = new List<PlanStep>();
        SyncPlan result = plan;
        var optsOut = OptOutKeywords.IsOptOutReply(message.Body);
        if (snapshot.Contact is null)
        {
            if (!profile.Runs(SyncFlows.ContactFromFirstMessage))
            {
                return PlanRules.Skip(plan, "no GHL contact is linked to the sender's number and creating contacts from messages is off");
            }

            // Through the account's mapping (names may go elsewhere, the default source is set); the number
            // always stays: it is what links the sender's next message to this contact.
            var (first, last) = SplitName(message.FromName);
            var fields = profile.FieldMapping.Map(new RoezanContact { Phone = from, FirstName = first, LastName = last }) with { Phone = from };
            steps.Add(new CreateContactStep { Fields = fields, Reason = "first message from this number: no GHL contact is linked to it" });
            result = plan with { ContactState = fields, ContactStateOccurredAt = null };
        }

        if (optsOut)
        {
            // Its own step, also after a create: a create that finds the contact already in GHL writes none of its values.
            // Idempotent: a re-delivery writes the same do-not-disturb again. Never turned off here (START is not handled).
            steps.Add(new UpdateContactStep { Fields = SmsDoNotDisturb.TurnedOn(ContactFields.Empty), Reason = "the reply is an opt-out word: SMS do-not-disturb on" });
            result = result with
            {
                ContactState = SmsDoNotDisturb.TurnedOn(result.ContactState ?? snapshot.Contact!.Fields),
                ContactStateOccurredAt = snapshot.Contact?.LastOccurredAt,
                ContactStateFieldChanges = snapshot.Contact?.FieldChanges,
            };
        }

        var receivedAt = message.ReceivedAt ?? roezanEvent.OccurredAt ?? queued.AcceptedAt;
        var target = InboundMessageTargets.Of(account);
        if (profile.Runs(SyncFlows.MessageNotes) && target.UsesConversation())
        {
            steps.Add(new AddInboundMessageStep
            {
                MessageId = PlanRules.Clean(message.Id) ?? roezanEvent.Id!,
                ConversationProviderId = account.GhlConversationProviderId ?? "",
                Body = message.Body ?? "",
                SentAt = receivedAt,
                Reason = "every inbound message goes into the contact's GHL conversation",
            });
        }

        if (profile.Runs(SyncFlows.MessageNotes) && target.UsesNote())
        {
            var body = GhlReference.AppendTo(MessageNoteText(message, from, roezanEvent, account), GhlReference.ForEvent(roezanEvent.Id!));
            steps.Add(new CreateNoteStep { Body = body, Reference = GhlReference.ForEvent(roezanEvent.Id!), Reason = "every inbound message is kept as a note" });
        }

        if (profile.Runs(SyncFlows.FollowUpTasks) && profile.FollowUps?.FindTask(message, receivedAt) is { } followUp)
        {
            var reference = GhlReference.ForEvent(roezanEvent.Id!);
            var task = new TaskFields
            {
                Title = followUp.Title ?? profile.DefaultTaskTitle,
                Body = GhlReference.AppendTo(followUp.Body, reference),
                DueDate = followUp.DueDate ?? receivedAt + profile.DefaultTaskDue,
                Completed = false,
            };
            steps.Add(new CreateTaskStep { Fields = task, Reference = reference, Reason = "the message asks for a follow-up" });
        }

        return steps.Count == 0
            ? PlanRules.Skip(result, "message notes and follow-ups are off for this account")
            : PlanRules.Apply(result, steps, snapshot.Contact is null ? "new contact from the sender's number" : $"message for GHL contact {snapshot.Contact.GhlContactId}");
    }


    private static string MessageNoteText(RoezanMessage message, string from, RoezanEvent roezanEvent, RoezanAccountOptions account)
    {
        var sender = PlanRules.Clean(message.FromName) is { } name ? $"{name} ({from})" : from;
        var received = message.ReceivedAt ?? roezanEvent.OccurredAt;
        var when = "";
        if (received is { } at)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            when = $" on {TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
        }

        return $"SMS from {sender}{when}:\n{PlanRules.Clean(message.Body) ?? "(no text)"}";
    }

    private static (string? First, string? Last) SplitName(string? fullName)
    {
        if (PlanRules.Clean(fullName) is not { } name)
        {
            return (null, null);
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], PlanRules.Clean(name[(space + 1)..]));
    }
}
