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

        // A text tied to the start (a reminder) is planned afresh for the new start, under the new start's identity
        // (a new send id). Any other (a confirmation still waiting for sending hours) keeps its id and its time, and is
        // only re-rendered for the new start: planned as of its original due time, so it is not judged late.
        var tiedToStart = automation.Timing.Kind == AutomationTimingKind.BeforeAppointment
            || existing.TriggerIdentity == SendIds.AppointmentIdentity(appointment.Id, existing.AppointmentStart ?? appointment.StartTime);
        var decision = tiedToStart
            ? AutomationPlanner.PlanOne(account, automation, change, new TriggerMatch(SendIds.AppointmentIdentity(appointment.Id, appointment.StartTime)), contact, consent, now, cancellationToken)
            : AutomationPlanner.PlanOne(account, automation, change with { OccurredAt = existing.TriggeredAt }, new TriggerMatch(existing.TriggerIdentity), contact, consent, Instant.FromDateTimeOffset(existing.RequestedAt), cancellationToken);
        if (decision.Send is not { } replacement)
        {
            return ReplanDecision.Cancel($"the appointment moved and the new text cannot be sent: {decision.SkipReason}");
        }

        if (!tiedToStart)
        {
            replacement = replacement with { SendAt = existing.SendAt, RequestedAt = existing.RequestedAt, ShiftedBySendingHours = existing.ShiftedBySendingHours };
        }

        return new ReplanDecision(ReplanAction.Replan, $"the appointment moved to {SendScheduler.Describe(Instant.FromDateTimeOffset(appointment.StartTime), account.Zone)}.", replacement);
    }
}
