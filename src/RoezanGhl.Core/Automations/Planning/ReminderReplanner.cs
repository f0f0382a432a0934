using NodaTime;
using RoezanGhl.Core.Automations.Timing;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// What an appointment update or cancellation means for a text already scheduled about that appointment. Pure: the
/// caller finds the unsent texts of the appointment (by <see cref="PlannedSend.AppointmentId"/>) and applies the answer.
/// A text is never sent for an old time: a cancellation cancels it, a new start re-plans it (re-rendered, re-timed, or
/// cancelled with the reason when the new time cannot be met), the same start keeps it.
/// </summary>
public static class ReminderReplanner
{
    public static ReplanDecision Decide(AccountAutomations account, PlannedSend existing, AutomationEvent change, AutomationContact contact, ContactConsent consent, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Appointment is not { } appointment || existing.AppointmentId is null || !string.Equals(appointment.Id, existing.AppointmentId, StringComparison.Ordinal))
        {
            return ReplanDecision.Keep("the change is not about this text's appointment.");
        }

        if (change.Kind == AutomationEventKind.AppointmentCancelled)
        {
            return existing.Trigger == AutomationTriggerKind.AppointmentCancelled
                ? ReplanDecision.Keep("the text is about the cancellation itself.")
                : ReplanDecision.Cancel("the appointment was cancelled.");
        }

        if (existing.AppointmentStart is { } planned && planned == appointment.StartTime)
        {
            return ReplanDecision.Keep("the appointment's start did not change.");
        }

        if (account.Find(existing.AutomationName) is not { } automation)
        {
            return ReplanDecision.Cancel($"the appointment moved and automation '{existing.AutomationName}' is no longer configured.");
        }

        // The same automation against the moved appointment: a text tied to the start gets the new start's identity
        // (a new send id); any other keeps its identity and its trigger time, so only the text and time change.
        var tiedToStart = existing.TriggerIdentity == SendIds.AppointmentIdentity(appointment.Id, existing.AppointmentStart ?? appointment.StartTime)
            || automation.Timing.Kind == AutomationTimingKind.BeforeAppointment;
        var identity = tiedToStart ? SendIds.AppointmentIdentity(appointment.Id, appointment.StartTime) : existing.TriggerIdentity;
        var replanned = change with { OccurredAt = tiedToStart ? change.OccurredAt : existing.TriggeredAt };
        var decision = AutomationPlanner.PlanOne(account, automation, replanned, new TriggerMatch(identity), contact, consent, now, cancellationToken);
        return decision.Send is { } replacement
            ? new ReplanDecision(ReplanAction.Replan, $"the appointment moved to {SendScheduler.Describe(Instant.FromDateTimeOffset(appointment.StartTime), account.Zone)}.", replacement)
            : ReplanDecision.Cancel($"the appointment moved and the new text cannot be sent: {decision.SkipReason}");
    }
}
