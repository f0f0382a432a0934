using NodaTime;
using RoezanGhl.Core.Automations.Timing;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// The checks a scheduled text must pass at send time, with data the caller has just read: consent in both systems
/// (an opt-out since planning cancels), the contact's phone and the automation's conditions, a reply (missed-reply
/// nudges), lateness past the grace, the appointment not started, and sending hours (a timer running in quiet hours
/// defers). Pure; the caller records the verdict before and after calling Roezan.
/// </summary>
public static class SendGate
{
    /// <param name="lastInboundAt">When the contact last texted in (Roezan), if known: a reply after the trigger cancels a missed-reply nudge.</param>
    public static SendVerdict Check(AccountAutomations account, PlannedSend send, AutomationContact contact, ContactConsent consent, DateTimeOffset? lastInboundAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(consent);
        if (account.Find(send.AutomationName) is not { } automation)
        {
            return SendVerdict.Cancel($"automation '{send.AutomationName}' is no longer configured.");
        }

        if (automation.FirstUnmetCondition(contact, consent) is { } condition)
        {
            return SendVerdict.Cancel(condition.FailureReason);
        }

        if (!string.Equals(Digits(contact.Phone), Digits(send.To), StringComparison.Ordinal))
        {
            return SendVerdict.Cancel("the contact's phone number changed since the text was planned.");
        }

        if (send.Trigger == AutomationTriggerKind.NoReply && lastInboundAt is { } replied && replied > send.TriggeredAt)
        {
            return SendVerdict.Cancel("the contact replied.");
        }

        var sendAt = Instant.FromDateTimeOffset(send.SendAt);
        if (now < sendAt)
        {
            return SendVerdict.Defer(send.SendAt, "not due yet.");
        }

        var latest = sendAt + automation.Timing.Grace;
        if (now > latest)
        {
            return SendVerdict.Cancel($"it is more than the grace past its send time ({SendScheduler.Describe(sendAt, account.Zone)}): not sent late.");
        }

        if (send.AppointmentStart is { } start && automation.Timing.Kind == AutomationTimingKind.BeforeAppointment && now >= Instant.FromDateTimeOffset(start))
        {
            return SendVerdict.Cancel("the appointment has already started.");
        }

        var allowed = account.SendingHours.NextAllowed(now, account.Zone);
        if (allowed != now)
        {
            return allowed > latest
                ? SendVerdict.Cancel($"outside sending hours ({account.SendingHours}) and the next allowed minute is past the grace.")
                : SendVerdict.Defer(allowed.ToDateTimeOffset(), $"outside sending hours ({account.SendingHours}).");
        }

        return SendVerdict.Send();
    }

    private static string Digits(string? phone) => new((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
}
