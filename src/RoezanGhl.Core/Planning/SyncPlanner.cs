using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Turns one Roezan event into a <see cref="SyncPlan"/> of GHL steps, given the account's profile and what
/// the links table knows (the <see cref="SyncSnapshot"/>). Pure and deterministic: no I/O, no clock, so a
/// unit test, the processor and the CLI's <c>plan</c> command all get the same answer.
/// </summary>
/// <remarks>
/// Rules that hold across flows: an empty Roezan value is never written (no clobbering); tags only ever
/// go through the additive tags endpoint; a contact change older than the last applied one is stale and
/// its values are skipped; notes and tasks carry a <c>ref:</c> line so that a retry can find them.
/// </remarks>
public static class SyncPlanner
{
    /// <summary>Whom <paramref name="roezanEvent"/> is about: the processor reads these links before planning.</summary>
    public static EventSubject SubjectOf(RoezanEvent roezanEvent)
    {
        ArgumentNullException.ThrowIfNull(roezanEvent);
        var data = roezanEvent.Data;
        return roezanEvent.Type switch
        {
            RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated => new EventSubject
            {
                Contact = new ContactIdentity
                {
                    RoezanContactId = PlanRules.Clean(data?.Contact?.Id),
                    Phone = PlanRules.Clean(data?.Contact?.Phone),
                    Email = PlanRules.Clean(data?.Contact?.Email)?.ToLowerInvariant(),
                },
            },
            RoezanEventTypes.MessageReceived => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = PlanRules.Clean(data?.Message?.ContactId), Phone = PlanRules.Clean(data?.Message?.From) },
            },
            RoezanEventTypes.TaskCreated or RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = PlanRules.Clean(data?.Task?.ContactId) },
                RoezanTaskId = PlanRules.Clean(data?.Task?.Id),
            },
            RoezanEventTypes.NoteCreated => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = PlanRules.Clean(data?.Note?.ContactId) },
            },
            _ => new EventSubject { Contact = new ContactIdentity() },
        };
    }

    /// <summary>Why a <c>message.status</c> plans no GHL call: it is applied to the send it reports on, not planned.</summary>
    public const string DeliveryStatusReason =
        "a delivery status changes no contact: it updates the text's row in the send ledger and, for a reply typed in GHL, that message's status";

    public static SyncPlan Plan(QueuedRoezanEvent queued, RoezanAccountOptions account, PlanningProfile profile, SyncSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(snapshot);

        var roezanEvent = queued.Event;
        var plan = new SyncPlan
        {
            EventId = roezanEvent.Id ?? "(no id)",
            EventType = roezanEvent.Type ?? "(no type)",
            AccountId = queued.AccountId,
            OccurredAt = roezanEvent.OccurredAt,
            Disposition = PlanDisposition.Invalid,
            Reason = "",
            Contact = SubjectOf(roezanEvent).Contact,
            GhlContactId = snapshot.Contact?.GhlContactId,
        };

        if (roezanEvent.Id is null)
        {
            return plan with { Reason = "the event has no id" };
        }

        return roezanEvent.Type switch
        {
            RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated => ContactEventPlanner.Plan(plan, roezanEvent, profile, snapshot),
            RoezanEventTypes.MessageReceived => MessageEventPlanner.Plan(plan, queued, account, profile, snapshot),
            RoezanEventTypes.TaskCreated or RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted => TaskEventPlanner.Plan(plan, queued, profile, snapshot),
            RoezanEventTypes.NoteCreated => NoteEventPlanner.Plan(plan, roezanEvent, profile, snapshot),

            // Processing hands a delivery status to the send ledger before any plan is made; only a preview gets here.
            RoezanEventTypes.MessageStatus => plan with { Disposition = PlanDisposition.Skip, Reason = DeliveryStatusReason },
            _ => plan with { Reason = $"unknown event type '{roezanEvent.Type}'" },
        };
    }
}
