using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Plans <c>note.created</c> (flow F7): a note on the linked GHL contact, waiting for the link when needed.
/// </summary>
internal static class NoteEventPlanner
{
    public static SyncPlan Plan(SyncPlan plan, RoezanEvent roezanEvent, PlanningProfile profile, SyncSnapshot snapshot)
    {
        if (roezanEvent.Data?.Note is not { } note || PlanRules.Clean(note.ContactId) is null)
        {
            return plan with { Reason = "data.note.contactId is missing" };
        }

        if (!profile.Runs(SyncFlows.NoteCreated))
        {
            return PlanRules.Skip(plan, "the note flow is off for this account");
        }

        if (PlanRules.Clean(note.Body) is not { } body)
        {
            return PlanRules.Skip(plan, "the note has no text");
        }

        if (snapshot.Contact is null)
        {
            return plan with
            {
                Disposition = PlanDisposition.WaitForContact,
                Reason = $"Roezan contact {note.ContactId} is not linked to a GHL contact yet",
            };
        }

        var reference = GhlReference.ForEvent(roezanEvent.Id!);
        return PlanRules.Apply(plan, [new CreateNoteStep { Body = GhlReference.AppendTo(body, reference), Reference = reference, Reason = "new Roezan note" }], $"note on GHL contact {snapshot.Contact.GhlContactId}");
    }
}
