using NodaTime;
using RoezanGhl.Core.Automations.Templates;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// Plans an account's automations for one event. Pure: the caller brings the contact, its consent in both systems
/// and the clock; nothing is sent or stored here. For every automation whose trigger fires it decides: conditions,
/// timing and sending hours, the rendered text and its segments, under a deterministic send id.
/// </summary>
public static class AutomationPlanner
{
    public static IReadOnlyList<AutomationDecision> Plan(AccountAutomations account, AutomationEvent evt, AutomationContact contact, ContactConsent consent, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(evt);
        var decisions = new List<AutomationDecision>();
        foreach (var automation in account.Automations)
        {
            if (TriggerMatcher.Match(automation, evt) is { } match)
            {
                decisions.Add(PlanOne(account, automation, evt, match, contact, consent, now, cancellationToken));
            }
        }

        return decisions;
    }

    /// <summary>One automation against an event it matched (also how <see cref="ReminderReplanner"/> re-plans).</summary>
    internal static AutomationDecision PlanOne(AccountAutomations account, Automation automation, AutomationEvent evt, TriggerMatch match, AutomationContact contact, ContactConsent consent, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(consent);
        if (!string.Equals(contact.Id, evt.ContactId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The contact must be the one the event is about.", nameof(contact));
        }

        var sendId = SendIds.For(account.AccountId, automation.Name, evt.ContactId, match.Identity);
        AutomationDecision Skip(string reason) => AutomationDecision.Skipped(automation.Name, sendId, reason);
        if (match.SkipReason is { } unmatched)
        {
            return Skip(unmatched);
        }

        if (automation.FirstUnmetCondition(contact, consent) is { } condition)
        {
            return Skip(condition.FailureReason);
        }

        var start = evt.Appointment is { } appointment ? Instant.FromDateTimeOffset(appointment.StartTime) : (Instant?)null;
        var schedule = SendScheduler.Schedule(automation.Timing, account.SendingHours, account.Zone, Instant.FromDateTimeOffset(evt.OccurredAt), start, now);
        if (!schedule.IsScheduled)
        {
            return Skip(schedule.SkipReason!);
        }

        var model = new SmsTemplateModel
        {
            Contact = contact,
            Appointment = evt.Appointment,
            Task = evt.Task,
            Message = evt.Kind == AutomationEventKind.InboundMessage ? evt.Message : null,
            Tag = match.Tag,
            Keyword = match.Keyword,
        };
        var render = automation.Message.Render(model, account.RenderSettings(now), cancellationToken);
        if (!render.Succeeded)
        {
            return Skip(render.Failure!);
        }

        if (render.Text.Length == 0)
        {
            return Skip("the message renders to an empty text.");
        }

        var segments = SmsSegmentCounter.Count(render.Text);
        if (segments.Segments > automation.MaxSegments)
        {
            return Skip($"the message renders to {segments}, over the maximum of {automation.MaxSegments}.");
        }

        return AutomationDecision.Planned(new PlannedSend
        {
            SendId = sendId,
            AccountId = account.AccountId,
            AutomationName = automation.Name,
            Trigger = automation.Trigger.Kind,
            TriggerIdentity = match.Identity,
            TriggeredAt = evt.OccurredAt.ToUniversalTime(),
            ContactId = contact.Id,
            To = contact.Phone!.Trim(),
            Body = render.Text,
            Segments = segments,
            MissingPlaceholders = render.MissingPlaceholders,
            SendAt = schedule.SendAt!.Value.ToDateTimeOffset(),
            RequestedAt = schedule.RequestedAt.ToDateTimeOffset(),
            ShiftedBySendingHours = schedule.ShiftedBySendingHours,
            AppointmentId = evt.Appointment?.Id,
            AppointmentStart = evt.Appointment?.StartTime.ToUniversalTime(),
        });
    }
}
